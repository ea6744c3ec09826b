// SPDX-License-Identifier: MIT
#include "schedule.h"

// Schedule is a value type; everything lives in the header. This translation
// unit keeps the one-header-one-source layout and gives the type a home for
// future helpers.
