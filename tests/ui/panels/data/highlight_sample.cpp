// a comment with "quotes" and 'ticks'
#include <thread>
  #  include "core/tracing.h"
#define LIMIT 1'000
/* a block comment
   "not a string", still comment
   end */ unsigned after = 0;
const char *url = "http://host//path"; // trailing comment
char quote = '"'; char tick = '\'';
auto raw = R"weft(first
// not a comment
)" still raw
)weft";
double x = 0x1Fp-3 + 1e-9 + 42u + .5f;
std::puts(u8"text // not a comment");
class Worker final : public Base {};
