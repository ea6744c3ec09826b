# SPDX-License-Identifier: MIT
# A lesson script that fails: its outcome must quote the error.
raise ValueError("the lesson's script failed on purpose")
