/* SPDX-License-Identifier: MIT */
/* Two threads hand one mutex back and forth with a condition variable.
   Build and record:  cc -pthread pingpong.c -o pingpong && weft record -- ./pingpong */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turnChanged = PTHREAD_COND_INITIALIZER;
static int turn = 0;

static void *player(void *arg)
{
    const int me = (int)(long)arg;
    for (int round = 0; round < 5; ++round) {
        pthread_mutex_lock(&lock);
        while (turn != me)
            pthread_cond_wait(&turnChanged, &lock);
        printf("%s %d\n", me == 0 ? "ping" : "pong", round);
        fflush(stdout);
        turn = 1 - me;
        pthread_cond_broadcast(&turnChanged);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t ping, pong;
    pthread_create(&ping, NULL, player, (void *)0L);
    pthread_create(&pong, NULL, player, (void *)1L);
    pthread_setname_np(ping, "ping");
    pthread_setname_np(pong, "pong");
    pthread_join(ping, NULL);
    pthread_join(pong, NULL);
    return 0;
}
