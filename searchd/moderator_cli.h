// SPDX-License-Identifier: Apache-2.0
// The `moderator` command of a6kb-searchd (moderator_cli.cc).
#pragma once

namespace a6kb {

// argv[1] is "moderator". Returns the exit status: 0 done, 1 no such
// moderator or the name is taken, 2 bad usage or database.
int moderator_command(int argc, char** argv);

}  // namespace a6kb
