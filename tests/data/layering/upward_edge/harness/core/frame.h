// Fixture: core includes reports, an upward edge the table does not allow.
#pragma once

#include "reports/summary.h"
