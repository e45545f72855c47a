// Fixture: reports includes core, an edge the table allows.
#pragma once

#include "harness/core/frame.h"
