/* SPDX-License-Identifier: MIT */
/* A statically linked program: LD_PRELOAD cannot reach it, and weft record says so. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int main(void)
{
    pthread_mutex_lock(&lock);
    puts("static program ran");
    pthread_mutex_unlock(&lock);
    return 0;
}
