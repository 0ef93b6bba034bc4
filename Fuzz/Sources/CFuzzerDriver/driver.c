// The declaration in include/CFuzzerDriver.h is the point of this target; SwiftPM wants one
// source file for a C target.
#include "CFuzzerDriver.h"
