// line 1: a fake scenario source for the code panel test
#include <cstdio>
void worker()
{
    std::puts("line 5 prints");
}
