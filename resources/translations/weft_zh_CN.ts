<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GilCpuScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/gil/gilcpu.cpp" line="+136" />
        <source>%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Threads without the GIL: %8 ms (%9× the sequential time, on a machine with %10 cores).</source>
        <translation>
            <numerusform>%n 个线程 × %2 个工作单元。顺序执行：%3 ms。有 GIL 的线程：%4 ms（耗时为顺序执行的 %5 倍，%6 次切换，%7 次释放请求）。无 GIL 的线程：%8 ms（耗时为顺序执行的 %9 倍，机器共有 %10 个核心）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15" />
        <source>Warning: this machine was busy. The counting threads ran only %1 % of the time they had work (other programs had the cores), so these times say more about the load than about the GIL: run it again when the machine is idle.</source>
        <translation>警告：这台机器当时很忙。计数线程在有活可干的时间里只运行了 %1%（其他程序占用了 CPU 核心），所以这些时间更多反映的是负载，而不是 GIL：请在机器空闲时再运行一次。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>CPU-bound threads and the GIL</source>
        <translation>CPU 密集型线程与 GIL</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The same CPU-bound work is done three times: by one thread, one piece after another; by several threads that share a global interpreter lock (GIL), as in CPython; and by the same threads without it. Under the GIL only the holder runs. A waiting thread asks the holder to drop it after one switch interval, the holder hands it over at its next check, and the two take turns: the GIL's band under each thread's bar shows who holds it, and a mark shows every drop request and forced switch. So the threads take about as long as the sequential run, while without the GIL they run on several cores at once.</source>
        <translation>同样的 CPU 密集型工作做三遍：由一个线程一段接一段地完成；由多个共享全局解释器锁（GIL）的线程完成，就像在 CPython 中那样；以及由同样的线程在没有 GIL 的情况下完成。在 GIL 之下，只有持有者能够运行。等待的线程在等满一个切换间隔后请求持有者释放 GIL，持有者在下一次检查时把它交出，两个线程轮流运行：每个线程状态条下方的 GIL 色带显示谁持有它，每一次释放请求和强制切换都有标记。因此这些线程的总耗时与顺序执行差不多，而没有 GIL 时，它们会同时在多个核心上运行。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many CPU-bound threads</source>
        <translation>CPU 密集型线程的数量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Work units per thread</source>
        <translation>每个线程的工作单元数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Each unit is a few tens of microseconds of arithmetic; the GIL's drop request is checked between units</source>
        <translation>每个单元是几十微秒的算术运算；GIL 的释放请求在单元之间检查</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Switch interval (ms)</source>
        <translation>切换间隔（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long a thread waits for the GIL before asking the holder to drop it (sys.setswitchinterval)</source>
        <translation>线程在请求持有者释放 GIL 之前等待 GIL 的时长（sys.setswitchinterval）</translation>
    </message>
    <message>
        <location line="-102" />
        <source>sequential</source>
        <translation>顺序执行</translation>
    </message>
    <message>
        <location line="+9" />
        <source>threads under the GIL</source>
        <translation>有 GIL 的线程</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cpu-%1 (GIL)</source>
        <translation>cpu-%1（有 GIL）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>threads without the GIL</source>
        <translation>无 GIL 的线程</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cpu-%1 (no GIL)</source>
        <translation>cpu-%1（无 GIL）</translation>
    </message>
</context>
<context>
    <name>GilIoScenario</name>
    <message>
        <location filename="../../core/scenarios/gil/gilio.cpp" line="+232" />
        <source>I/O beside a CPU-bound thread (the convoy effect)</source>
        <translation>CPU 密集型线程旁的 I/O（护航效应）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>One thread sends a small message to an echo peer over TCP and waits for it to come back, again and again, while a CPU-bound thread computes beside it. Without a GIL both run at once and a round trip takes microseconds. With the GIL, the I/O thread releases it for every send and receive. A send returns before the CPU-bound thread has taken the GIL, but while the reply travels the CPU-bound thread takes it, and the I/O thread must wait a whole switch interval before it may ask for it back: about one switch interval per round trip.</source>
        <translation>一个线程通过 TCP 向回显对端发送一条小消息并等待它返回，如此反复，同时旁边有一个 CPU 密集型线程在计算。没有 GIL 时两者同时运行，一次往返只需几微秒。有 GIL 时，I/O 线程每次发送和接收都会释放 GIL。发送在 CPU 密集型线程拿到 GIL 之前就已返回，但在等待回复期间，CPU 密集型线程会拿走 GIL，I/O 线程必须等满一整个切换间隔才能请求把它要回来：每次往返大约多出一个切换间隔。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Round trips</source>
        <translation>往返次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Messages sent and echoed in each mode</source>
        <translation>每种模式下发送并回显的消息数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message size (bytes)</source>
        <translation>消息大小（字节）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Peer delay (ms)</source>
        <translation>对端延迟（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How long the echo peer takes to answer, like a remote server: while the I/O thread waits, the CPU-bound thread takes the GIL</source>
        <translation>回显对端需要多长时间才回答，就像远程服务器一样：I/O 线程等待期间，CPU 密集型线程会拿走 GIL</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Switch interval (ms)</source>
        <translation>切换间隔（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long a thread waits for the GIL before asking the holder to drop it (sys.setswitchinterval)</source>
        <translation>线程在请求持有者释放 GIL 之前等待 GIL 的时长（sys.setswitchinterval）</translation>
    </message>
    <message>
        <location line="-107" />
        <source>echo listener</source>
        <translation>回显监听器</translation>
    </message>
    <message>
        <location line="+4" />
        <source>echo peer</source>
        <translation>回显对端</translation>
    </message>
    <message>
        <location line="-46" />
        <source>cpu %1</source>
        <translation>cpu %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>io %1</source>
        <translation>io %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <location line="+48" />
        <source>(no GIL)</source>
        <translation>（无 GIL）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(GIL)</source>
        <translation>（有 GIL）</translation>
    </message>
    <message numerus="yes">
        <location line="+41" />
        <source>%n round trip(s) of %2 bytes beside a CPU-bound thread. Without the GIL: median %3 ms per round trip. With the GIL: median %4 ms, that is %5 switch intervals of %6 ms more (%7 times a thread had to ask for the GIL).</source>
        <translation>
            <numerusform>在一个 CPU 密集型线程旁进行了 %n 次 %2 字节的往返。无 GIL：每次往返的中位数为 %3 ms。有 GIL：中位数为 %4 ms，即多出 %5 个 %6 ms 的切换间隔（线程有 %7 次不得不请求 GIL）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocksCounterScenario</name>
    <message>
        <location filename="../../core/scenarios/locks/lockscounter.cpp" line="+149" />
        <source>Many threads, one counter</source>
        <translation>多个线程，一个计数器</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Many threads each add one to a shared counter, many times. counter += 1 is three steps: read, add, write back. Without a lock two threads can read the same value and both write value + 1, so one update is lost; every lost update is marked in red on the lane that overwrote it. With a lock the final count is exact. Starting each thread and joining it before the next (serial) is also exact, but only because the threads never run at the same time.</source>
        <translation>许多线程各自对一个共享计数器加一，重复多次。counter += 1 分为三步：读取、加一、写回。没有锁时，两个线程可能读到同一个值，然后都写入该值 + 1，于是丢失一次更新；每次丢失的更新都会在覆盖它的那条泳道上用红色标出。有锁时，最终计数是准确的。逐个启动线程并在启动下一个之前 join 它（serial）也是准确的，但这只是因为这些线程从不同时运行。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Increments per thread</source>
        <translation>每个线程的递增次数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How many times each thread adds one. Every locked increment is about three events on the timeline, hence the limit</source>
        <translation>每个线程加一的次数。每次加锁的递增在时间线上约产生三个事件，因此设有上限</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+3" />
        <source>One after another: start then join each thread. With a lock: all at once, under a lock. Without a lock: all at once, racing (on the command line: mode=serial, lock or nolock)</source>
        <translation>依次执行：逐个启动并等待每个线程。加锁：所有线程同时运行，在锁的保护下。不加锁：所有线程同时运行，相互竞争（命令行中为 mode=serial、lock 或 nolock）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>one after another</source>
        <translation>依次执行</translation>
    </message>
    <message>
        <location line="+0" />
        <source>with a lock</source>
        <translation>加锁</translation>
    </message>
    <message>
        <location line="+0" />
        <source>without a lock</source>
        <translation>不加锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Yield between read and write</source>
        <translation>在读和写之间让出</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gives other threads a chance to run between reading and writing the counter, like time.sleep(0); it widens the race window</source>
        <translation>在读取和写入计数器之间给其他线程运行的机会，类似 time.sleep(0)；这会扩大竞态窗口</translation>
    </message>
    <message numerus="yes">
        <location line="-56" />
        <source>counter = %1, expected %2: %n update(s) lost.</source>
        <translation>
            <numerusform>counter = %1，预期为 %2：丢失了 %n 次更新。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1" />
        <source>counter = %1 as expected: no update lost.</source>
        <translation>counter = %1，符合预期：没有丢失更新。</translation>
    </message>
    <message>
        <location line="-50" />
        <source>counter</source>
        <translation>计数器</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Most threads adding at the same time: %1.</source>
        <translation>同时执行加法的线程最多为 %1 个。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only the first %1 of %2 overwriting writes are marked on the timeline.</source>
        <translation>在 %2 次覆盖写入中，只有前 %1 次在时间线上标出。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 more lost updates not marked</source>
        <translation>另有 %1 次丢失的更新未标出</translation>
    </message>
</context>
<context>
    <name>LocksDeadlockScenario</name>
    <message>
        <location filename="../../core/scenarios/locks/locksdeadlock.cpp" line="+95" />
        <source>Deadlock: two locks, opposite orders</source>
        <translation>死锁：两把锁，相反的顺序</translation>
    </message>
    <message>
        <location line="+3" />
        <source>T1 takes L1 and then wants L2; T2 takes L2 and then wants L1. Each now waits for a lock the other holds, and neither can ever go on: a cycle in the wait-for graph. Weft finds the cycle, marks it on both lanes and stops the run, where Python would hang. Take the locks in one fixed order (both L1 first) and no cycle can form: both threads finish.</source>
        <translation>T1 先获取 L1，然后想要 L2；T2 先获取 L2，然后想要 L1。现在双方都在等待对方持有的锁，谁也无法继续：等待图中出现了环。Weft 找到这个环，在两条泳道上标出它并停止运行，而 Python 则会一直挂起。按一个固定的顺序获取锁（都先获取 L1），就不会形成环：两个线程都能完成。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Fixed lock order</source>
        <translation>固定加锁顺序</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Both threads take L1 before L2</source>
        <translation>两个线程都先获取 L1 再获取 L2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hold time (ms)</source>
        <translation>持有时间（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long each thread holds its first lock before it reaches for the second</source>
        <translation>每个线程持有第一把锁多长时间之后才去获取第二把</translation>
    </message>
    <message>
        <location line="-54" />
        <source>%1 holds %2</source>
        <translation>%1 持有 %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 wants %2</source>
        <translation>%1 想要 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 holds %2 and %3</source>
        <translation>%1 持有 %2 和 %3</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Both threads took L1 before L2 and finished: with one lock order no wait-for cycle can form.</source>
        <translation>两个线程都先获取 L1 再获取 L2，并且都已完成：只有一种加锁顺序时，不会形成等待环。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Both threads finished: this time one thread took both locks before the other took its first, so no cycle formed. Increase the hold time.</source>
        <translation>两个线程都已完成：这一次一个线程在另一个线程获取第一把锁之前就拿到了两把锁，因此没有形成环。请增加持有时间。</translation>
    </message>
</context>
<context>
    <name>LocksRaceScenario</name>
    <message>
        <location filename="../../core/scenarios/locks/locksrace.cpp" line="+128" />
        <source>A race, step by step: the lost update</source>
        <translation>一步步看竞态：丢失的更新</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A few threads add one to a shared counter a few times, without a lock. Each addition is a read, then a write of the value read plus one. Every read and every write is on the timeline: look for two threads that read the same value; the second write then overwrites the first, and that lost update is marked in red. A race does not happen every time, so the threads repeat in rounds until one is lost (or the round limit is reached).</source>
        <translation>几个线程在不加锁的情况下对一个共享计数器加一，重复几次。每次加法都是先读取，再写入读到的值加一。每次读取和写入都显示在时间线上：找出读到同一个值的两个线程；第二次写入会覆盖第一次，这次丢失的更新会用红色标出。竞态并不是每次都会发生，所以线程会一轮一轮地重复，直到丢失一次更新（或达到轮数上限）。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Increments per thread</source>
        <translation>每个线程的递增次数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Round limit</source>
        <translation>轮数上限</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop after this many rounds even if no update was lost</source>
        <translation>即使没有丢失更新，也在这么多轮之后停止</translation>
    </message>
    <message>
        <location line="-85" />
        <source>counter</source>
        <translation>计数器</translation>
    </message>
    <message>
        <location line="+20" />
        <source>round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>Round %1: %2 threads × %3 increments left the counter at %4 instead of %5: %n update(s) lost, each marked where a write overwrote another thread's.</source>
        <translation>
            <numerusform>第 %1 轮：%2 个线程 × %3 次递增后，计数器为 %4 而不是 %5：丢失了 %n 次更新，每次都标在一次写入覆盖了另一个线程写入的位置。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10" />
        <source>No update was lost in %1 rounds: the threads never met inside the race window this time. Run again, or add threads or increments.</source>
        <translation>在 %1 轮中没有丢失更新：这一次线程从未在竞态窗口内相遇。请再运行一次，或增加线程数或递增次数。</translation>
    </message>
</context>
<context>
    <name>ProcessIsolationScenario</name>
    <message>
        <location filename="../../core/scenarios/processes/processisolation.cpp" line="+52" />
        <source>child: value = %1, setting it to %2</source>
        <translation>子进程：value = %1，将其设为 %2</translation>
    </message>
    <message>
        <location line="+106" />
        <source>Processes do not share memory</source>
        <translation>进程之间不共享内存</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A child process sets a global variable; the parent's copy of the same variable is unchanged, because each process has its own memory. A thread setting it changes the parent's copy at once. Then starting a process is timed against starting a thread, several times each: a process costs far more.</source>
        <translation>子进程设置了一个全局变量；父进程中同一变量的副本保持不变，因为每个进程都有自己的内存。而线程设置它时会立即改变父进程的副本。然后分别多次计时启动一个进程和启动一个线程：进程的开销要大得多。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Value the child sets</source>
        <translation>子进程设置的值</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Timing repeats</source>
        <translation>计时重复次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many processes and threads are started for the timing</source>
        <translation>计时时启动多少个进程和线程</translation>
    </message>
    <message>
        <location line="-96" />
        <source>parent: value = %1</source>
        <translation>父进程：value = %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0" />
        <source>parent</source>
        <translation>父进程</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>child</source>
        <translation>子进程</translation>
    </message>
    <message>
        <location line="+5" />
        <source>parent: the child set value = %1; the parent's value is still %2</source>
        <translation>父进程：子进程设置了 value = %1；父进程的值仍为 %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>thread</source>
        <translation>线程</translation>
    </message>
    <message>
        <location line="+4" />
        <source>parent: after a thread set it, the parent's value is %1</source>
        <translation>父进程：线程设置之后，父进程的值为 %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>empty process %1</source>
        <translation>空进程 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>empty thread %1</source>
        <translation>空线程 %1</translation>
    </message>
    <message>
        <location line="+29" />
        <source>The child set value = %1, the parent's copy stayed %2; a thread set it to %3 in the parent. Starting and joining a process took %4 ms (median of %5), a thread %6 ms: about %7× more for a process.</source>
        <translation>子进程设置了 value = %1，父进程的副本仍为 %2；线程在父进程中把它设为 %3。启动并 join 一个进程耗时 %4 ms（%5 次的中位数），一个线程耗时 %6 ms：进程大约是线程的 %7 倍。</translation>
    </message>
</context>
<context>
    <name>ProcessManagerScenario</name>
    <message>
        <location filename="../../core/scenarios/processes/processmanager.cpp" line="+156" />
        <source>Shared state in a manager process</source>
        <translation>管理器进程中的共享状态</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Processes cannot share a variable, so one process — the manager — holds a shared counter and the workers send it requests. Each update is a round trip: a request arrow to the manager and a reply arrow back. The manager applies them one at a time, so the final value is exactly workers × updates.</source>
        <translation>进程之间无法共享变量，因此由一个进程（管理器）持有共享计数器，工作进程向它发送请求。每次更新都是一次往返：一条指向管理器的请求箭头和一条返回的应答箭头。管理器一次处理一个请求，因此最终值恰好等于工作进程数 × 更新次数。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Updates per worker</source>
        <translation>每个工作进程的更新次数</translation>
    </message>
    <message>
        <location line="-94" />
        <location line="+5" />
        <location line="+2" />
        <source>manager</source>
        <translation>管理器</translation>
    </message>
    <message>
        <location line="-7" />
        <source>proxy %1</source>
        <translation>代理 %1</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+2" />
        <source>worker %1</source>
        <translation>工作进程 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>proxy 0</source>
        <translation>代理 0</translation>
    </message>
    <message>
        <location line="+0" />
        <source>parent</source>
        <translation>父进程</translation>
    </message>
    <message numerus="yes">
        <location line="+59" />
        <source>%n worker(s) each sent %2 to the manager; the shared counter ends at %3 (expected %4).</source>
        <translation>
            <numerusform>%n 个工作进程各自向管理器发送了 %2；共享计数器最终为 %3（预期 %4）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n increment(s)</source>
        <translation>
            <numerusform>%n 次递增</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>A process failed: %1</source>
        <translation>有一个进程失败：%1</translation>
    </message>
</context>
<context>
    <name>ProcessPipeScenario</name>
    <message>
        <location filename="../../core/scenarios/processes/processpipe.cpp" line="+106" />
        <source>Talk through a pipe</source>
        <translation>通过管道通信</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A pipe has two ends, one per process, and carries whole messages both ways. The parent sends each message and waits for the child's echo; every send and receive is an arrow between the two processes, labelled with its bytes.</source>
        <translation>管道有两端，每个进程一端，可以双向传递完整的消息。父进程发送每条消息并等待子进程的回显；每次发送和接收都是两个进程之间的一条箭头，标有其字节数。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message size (bytes)</source>
        <translation>消息大小（字节）</translation>
    </message>
    <message>
        <location line="-61" />
        <source>pipe</source>
        <translation>管道</translation>
    </message>
    <message>
        <location line="+0" />
        <source>parent</source>
        <translation>父进程</translation>
    </message>
    <message>
        <location line="+0" />
        <source>child</source>
        <translation>子进程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>echo</source>
        <translation>回显</translation>
    </message>
    <message numerus="yes">
        <location line="+30" />
        <source>%n message(s) (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</source>
        <translation>
            <numerusform>%n 条消息（%2 字节）经过管道，返回了 %3（%4 字节）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n correct echo(es)</source>
        <translation>
            <numerusform>%n 条正确的回显</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessQueueScenario</name>
    <message>
        <location filename="../../core/scenarios/processes/processqueue.cpp" line="+143" />
        <source>Producers and consumers over a queue</source>
        <translation>通过队列通信的生产者与消费者</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Producer processes put messages on a bounded queue and consumer processes take them off. Each put and get is an arrow from producer to consumer; the queue's depth is drawn as a counter. A producer blocks while the queue is full and a consumer while it is empty — the waits show on their lanes. Each process's start-up, before its own code runs, is drawn hatched as “starting”.</source>
        <translation>生产者进程把消息放入有界队列，消费者进程把它们取出。每次 put 和 get 都是一条从生产者指向消费者的箭头；队列深度以计数器的形式绘制。队列满时生产者阻塞，队列空时消费者阻塞——这些等待显示在各自的泳道上。每个进程在运行自己的代码之前的启动阶段画为斜纹，标为“启动中”。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Producers</source>
        <translation>生产者数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Consumers</source>
        <translation>消费者数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Messages per producer</source>
        <translation>每个生产者的消息数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Message size (bytes)</source>
        <translation>消息大小（字节）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Queue size</source>
        <translation>队列大小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many items the queue holds before put() blocks</source>
        <translation>put() 阻塞之前队列能容纳多少项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time to produce (ms)</source>
        <translation>生产耗时（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time to consume (ms)</source>
        <translation>消费耗时（ms）</translation>
    </message>
    <message>
        <location line="-84" />
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+3" />
        <source>producer %1</source>
        <translation>生产者 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>consumer %1</source>
        <translation>消费者 %1</translation>
    </message>
    <message>
        <location line="+30" />
        <source>%1 put %2 messages and %3 got %4; the queue held at most %5 of %6. Puts blocked on a full queue %7 times, gets on an empty one %8 times.</source>
        <translation>%1放入了 %2 条消息，%3取到了 %4 条；队列中最多同时有 %5 条（容量 %6）。put 因队列满阻塞了 %7 次，get 因队列空阻塞了 %8 次。</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n producer(s)</source>
        <translation>
            <numerusform>%n 个生产者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n consumer(s)</source>
        <translation>
            <numerusform>%n 个消费者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PythonLesson</name>
    <message>
        <location filename="../../core/scenarios/python/pythonlesson.cpp" line="+78" />
        <source>%1 (Python)</source>
        <translation>%1（Python）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This is the lesson's Python, run by the real python3: the threads, locks and GIL drawn are CPython's own, and each event points at the script's line.</source>
        <translation>这是本课的 Python 版本，由真实的 python3 运行：图中的线程、锁和 GIL 都是 CPython 自己的，每个事件都指向脚本中的对应行。</translation>
    </message>
    <message>
        <location line="+63" />
        <source>python3 was not found; Python lessons need it (Debian: apt-get install python3).</source>
        <translation>找不到 python3；Python 课程需要它（Debian：apt-get install python3）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 did not say which Python it is; Weft's Python lessons need CPython 3.9 to 3.13.</source>
        <translation>%1 没有说明自己是哪个 Python 版本；Weft 的 Python 课程需要 CPython 3.9 到 3.13。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is Python %2; Weft's Python lessons need CPython 3.9 to 3.13 (tried with 3.11, Debian 12's).</source>
        <translation>%1 是 Python %2；Weft 的 Python 课程需要 CPython 3.9 到 3.13（已在 Debian 12 的 3.11 上测试）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the recording library %1 is missing, so the Python lesson cannot be recorded.</source>
        <translation>缺少录制库 %1，无法录制 Python 课程。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>no temporary folder for the script: %1</source>
        <translation>无法为脚本创建临时文件夹：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the script %1 is not embedded in this build.</source>
        <translation>此版本未内嵌脚本 %1。</translation>
    </message>
    <message>
        <location line="+40" />
        <source>python3 exited with status %1. %2</source>
        <translation>python3 以状态 %1 退出。%2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>python3 was killed by signal %1. %2</source>
        <translation>python3 被信号 %1 终止。%2</translation>
    </message>
    <message>
        <location filename="../../core/scenarios/python/registerpython.cpp" line="+46" />
        <source>Producer processes put messages on a bounded multiprocessing.Queue and consumer processes take them off. Each put is an arrow to the get that took its item, labelled with it, from one process to another. A producer blocks while the queue is full (on the queue's own semaphore, drawn as blocked on a lock) and a consumer while it is empty; a thread in each producer, the queue's feeder, writes the items into its pipe.</source>
        <translation>生产者进程把消息放入一个有界的 multiprocessing.Queue，消费者进程把它们取走。每次 put 都是一支箭头，从一个进程指向取走该条目的那次 get 所在的另一个进程，并标有该条目。队列满时生产者阻塞（在队列自己的信号量上，画为“等待锁而阻塞”），队列空时消费者阻塞；每个生产者中有一个线程，即队列的 feeder 线程，负责把条目写入队列的管道。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Processes cannot share a variable, so one process, the manager, holds a shared dict and the workers send it requests through proxies. shared["counter"] += 1 is a get and a set, so each update is done under the manager's lock: acquire, get, set, release, four round trips, each a request arrow to the manager's thread for that connection and a reply arrow back. Under the lock the final value is exactly workers × updates.</source>
        <translation>进程之间不能共享变量，因此由一个进程——管理器——持有一个共享的 dict，工作进程通过代理向它发送请求。shared["counter"] += 1 是一次 get 加一次 set，所以每次更新都在管理器的锁下完成：acquire、get、set、release，共四次往返，每次都是一支指向管理器中负责该连接的线程的请求箭头，以及一支返回的回复箭头。有锁时，最终值恰好等于工作进程数 × 更新次数。</translation>
    </message>
</context>
<context>
    <name>PythonLessonChecks</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/python/threadschecks.cpp" line="+31" />
        <source>%n thread(s) started, ran and were joined.</source>
        <translation>
            <numerusform>%n 个线程已启动、运行并被 join。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 of %2 threads started, %3 ended and %4 printed.</source>
        <translation>%2 个线程中有 %1 个启动，%3 个结束，%4 个打印了输出。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Two Worker threads ran their own run(): Alpha did %1 steps, Beta did %2.</source>
        <translation>两个 Worker 线程各自运行了自己的 run()：Alpha 完成 %1 步，Beta 完成 %2 步。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Of %1 steps each, Alpha printed %2 on its lane and Beta %3; %4 of the two threads ended.</source>
        <translation>每个线程应有 %1 步，Alpha 在其泳道上打印了 %2 次，Beta 打印了 %3 次；两个线程中有 %4 个结束。</translation>
    </message>
    <message>
        <location line="+77" />
        <source>The worker printed %1 of %2 ticks and main %3 of %4; %5 main-loop prints came while the worker was still running.</source>
        <translation>工作线程打印了 %2 次中的 %1 次，主线程打印了 %4 次中的 %3 次；有 %5 次主循环打印发生在工作线程仍在运行时。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>main waited %1 ms in join(); %2 of %3 main-loop prints came after the worker had finished.</source>
        <translation>主线程在 join() 中等待了 %1 毫秒；%3 次主循环打印中有 %2 次发生在工作线程结束之后。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Without join() %1 of %2 main-loop prints happened while the worker was still running.</source>
        <translation>没有 join() 时，%2 次主循环打印中有 %1 次发生在工作线程仍在运行时。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>As it exited, the interpreter waited %1 ms for the worker, a non-daemon thread.</source>
        <translation>解释器退出时等待了非守护的工作线程 %1 毫秒。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>The Background thread (daemon=%1) was %2 a daemon on its lane, %3 and %4.</source>
        <translation>Background 线程（daemon=%1）在其泳道上%2为守护线程，%3，%4。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>marked</source>
        <translation>被标记</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not marked</source>
        <translation>未被标记</translation>
    </message>
    <message>
        <location line="+1" />
        <source>printed</source>
        <translation>打印了输出</translation>
    </message>
    <message>
        <location line="+0" />
        <source>did not print</source>
        <translation>没有打印</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+0" />
        <source>did not end</source>
        <translation>没有结束</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Its lane has no end: the interpreter's exit stopped it.</source>
        <translation>它的泳道没有结束标记：解释器退出时将它终止了。</translation>
    </message>
    <message>
        <location filename="../../core/scenarios/python/lockschecks.cpp" line="+77" />
        <source>The script did not print the counter.</source>
        <translation>脚本没有打印计数器的值。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>counter = %1 as expected: no update lost.</source>
        <translation>counter = %1，与预期相符：没有丢失更新。</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>counter = %1, expected %2: %n update(s) lost.</source>
        <translation>
            <numerusform>counter = %1，预期 %2：丢失了 %n 次更新。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Most threads adding at the same time: %1.</source>
        <translation>同时进行加法的线程最多为 %1 个。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The events show %1 of %2 threads, %3 acquisitions of the lock and %4 yields for %5 increments.</source>
        <translation>事件显示了 %2 个线程中的 %1 个、%3 次获取锁和 %4 次让出，对应 %5 次加一。</translation>
    </message>
    <message numerus="yes">
        <location line="+83" />
        <source>%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Processes, each with a GIL of its own: %8 ms (%9× the sequential time, on a machine with %10 cores).</source>
        <translation>
            <numerusform>%n 个线程 × %2 个工作单元。顺序执行：%3 ms。有 GIL 的线程：%4 ms（耗时为顺序执行的 %5 倍，%6 次切换，%7 次释放请求）。多个进程，各有自己的 GIL：%8 ms（耗时为顺序执行的 %9 倍，机器共有 %10 个核心）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15" />
        <source>Expected three timed phases, %1 threads and %1 processes that exited normally; the events show %2 threads and %3 processes, %4 of them exited normally.</source>
        <translation>预期有三个计时阶段、%1 个线程和 %1 个正常退出的进程；事件显示 %2 个线程和 %3 个进程，其中 %4 个正常退出。</translation>
    </message>
    <message>
        <location filename="../../core/scenarios/python/socketchecks.cpp" line="+58" />
        <source>Sent %1 bytes; the server closed the connection without replying.</source>
        <translation>发送了 %1 字节；服务器未回复就关闭了连接。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Sent %1 bytes and received %2 bytes; the server answered "%3".</source>
        <translation>发送了 %1 字节，接收了 %2 字节；服务器回答“%3”。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The server's lane received %1 bytes and sent %2.</source>
        <translation>服务器的泳道接收了 %1 字节，发送了 %2 字节。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The client stopped reading at max_bytes (%1 bytes): the reply was cut.</source>
        <translation>客户端读到 max_bytes（%1 字节）就停止了：回复被截断。</translation>
    </message>
    <message>
        <location line="+48" />
        <source>The server on port %1 accepted and answered %2 of %3 connections; %4 client threads read their greeting.</source>
        <translation>端口 %1 上的服务器接受并回复了 %3 个连接中的 %2 个；%4 个客户端线程读到了问候。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The clients sent %1 bytes and the server received %2; the server sent %3 and the clients received %4.</source>
        <translation>客户端发送了 %1 字节，服务器接收了 %2 字节；服务器发送了 %3 字节，客户端接收了 %4 字节。</translation>
    </message>
    <message>
        <location filename="../../core/scenarios/python/threadschecks.cpp" line="-123" />
        <source>%1 (id %2)</source>
        <translation>%1（id %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>%n thread(s), each with its own name and native id: %1.</source>
        <translation>
            <numerusform>%n 个线程，各有自己的名字和原生 id：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 of %2 threads printed the name and native id their lane shows, once: %3.</source>
        <translation>%2 个线程中有 %1 个打印了其泳道所示的名字和原生 id，且只打印一次：%3。</translation>
    </message>
    <message>
        <location filename="../../core/scenarios/python/processchecks.cpp" line="+78" />
        <source>%1 put %2 messages on the queue and %3 got %4; each arrived once.</source>
        <translation>%1 向队列放入了 %2 条消息，%3 取出了 %4 条；每条消息都恰好到达一次。</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n producer process(es)</source>
        <translation>
            <numerusform>%n 个生产者进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n consumer process(es)</source>
        <translation>
            <numerusform>%n 个消费者进程</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Expected %1 messages from %2 producers to go through the queue q once each; the events show %3 put (%4 different) and %5 got, and %6 of %7 child processes exited normally.</source>
        <translation>预期来自 %2 个生产者的 %1 条消息各经过队列 q 一次；事件显示放入了 %3 条（其中 %4 条互不相同），取出了 %5 条，%7 个子进程中有 %6 个正常退出。</translation>
    </message>
    <message numerus="yes">
        <location line="+46" />
        <source>%n message(s) (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</source>
        <translation>
            <numerusform>%n 条消息（%2 字节）经管道发出，%3（%4 字节）传了回来。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>%n correct echo(es)</source>
        <translation>
            <numerusform>%n 条正确的回显</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4" />
        <source>Expected %1 messages through parent_conn, each received by the echo process and echoed back; %2 of %3 child processes exited normally.</source>
        <translation>预期有 %1 条消息经 parent_conn 发出，每条都由回显进程收到并回显；%3 个子进程中有 %2 个正常退出。</translation>
    </message>
    <message numerus="yes">
        <location line="+42" />
        <source>%n worker process(es) each made %2 through the manager: %3 requests and %4 replies. The shared counter ends at %5 (expected %6).</source>
        <translation>
            <numerusform>%n 个工作进程各自通过管理器完成了 %2：共 %3 次请求、%4 次回复。共享计数器最终为 %5（预期为 %6）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n locked update(s)</source>
        <translation>
            <numerusform>%n 次加锁更新</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Expected every request answered, at least four per update, and %1 of %2 child processes (the workers and the manager) to exit normally.</source>
        <translation>预期每个请求都得到回复、每次更新至少四次往返，且子进程（工作进程和管理器）全部正常退出；实际 %2 个中有 %1 个正常退出。</translation>
    </message>
</context>
<context>
    <name>SocketBacklogScenario</name>
    <message>
        <location filename="../../core/scenarios/sockets/socketbacklog.cpp" line="+234" />
        <source>The listen backlog: connections queue up</source>
        <translation>listen 的 backlog：连接排队</translation>
    </message>
    <message>
        <location line="+3" />
        <source>listen(backlog) lets the kernel finish handshakes for clients the server has not accepted yet and keep them in a queue. This server is slow: it accepts one connection, then pauses. The counter track shows the queue filling up to the backlog (Linux admits one more than the number given) and draining one accept at a time; clients that find the queue full stay in connect() until TCP retries their request.</source>
        <translation>listen(backlog) 让内核为服务器尚未 accept 的客户端完成握手，并把它们保存在一个队列中。这个服务器很慢：它每 accept 一个连接就暂停一会儿。计数器轨道显示队列一直填充到 backlog（Linux 允许比给定数值多一个），然后每次 accept 取走一个；发现队列已满的客户端会停留在 connect() 中，直到 TCP 重试它们的请求。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client threads that connect at once</source>
        <translation>同时发起连接的客户端线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Listen backlog</source>
        <translation>监听 backlog</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The value passed to listen()</source>
        <translation>传给 listen() 的值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pause before each accept (ms)</source>
        <translation>每次 accept 之前的暂停（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How slow the server is</source>
        <translation>服务器有多慢</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout (ms)</source>
        <translation>超时（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Limit for each connect and recv</source>
        <translation>每次 connect 和 recv 的时间上限</translation>
    </message>
    <message>
        <location line="-111" />
        <source>server socket</source>
        <translation>服务器套接字</translation>
    </message>
    <message>
        <location line="+4" />
        <source>accept queue (pending connections)</source>
        <translation>accept 队列（待处理的连接）</translation>
    </message>
    <message>
        <location line="-49" />
        <source>%1 socket</source>
        <translation>%1 套接字</translation>
    </message>
    <message>
        <location line="+12" />
        <source>gave up: the accept queue stayed full through TCP's retries</source>
        <translation>放弃了：在 TCP 的重试期间，accept 队列一直是满的</translation>
    </message>
    <message>
        <location line="+60" />
        <source>welcome, you are number %1</source>
        <translation>欢迎，你是第 %1 位</translation>
    </message>
    <message numerus="yes">
        <location line="+25" />
        <source>%1 of %n client(s) were accepted one by one; at most %3 finished handshakes waited in the queue at once (backlog %4).</source>
        <translation>
            <numerusform>%n 个客户端中有 %1 个被逐个 accept；最多同时有 %3 个已完成的握手在队列中等待（backlog 为 %4）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 gave up after %2 ms: the queue stayed full and TCP's retries (1 s, 2 s, 4 s … apart) did not get them in.</source>
        <translation>%1 个客户端在 %2 毫秒后放弃：队列一直是满的，TCP 的重试（间隔 1 秒、2 秒、4 秒……）没能让它们进入。</translation>
    </message>
    <message numerus="yes">
        <location line="+10" />
        <source>%n connection(s) were accepted after their client had given up.</source>
        <translation>
            <numerusform>有 %n 个连接在其客户端放弃之后才被接受。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Last error: %1</source>
        <translation>最后一个错误：%1</translation>
    </message>
</context>
<context>
    <name>SocketClientScenario</name>
    <message>
        <location filename="../../core/scenarios/sockets/socketclient.cpp" line="+170" />
        <source>The client stopped reading at max_bytes (%1 bytes): the reply may go on.</source>
        <translation>客户端读到 max_bytes（%1 字节）就停止了：回复可能还有后续内容。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>A TCP client: connect, send, receive</source>
        <translation>TCP 客户端：连接、发送、接收</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The client creates a socket, resolves the host name to an address, connects (the TCP handshake), sends an HTTP request and reads the reply in chunks until the server closes the connection. By default it talks to a small HTTP responder the scenario starts on 127.0.0.1. Try an unknown host such as no-such-host.invalid, or a port where nothing listens: the failure is shown as an error, not a crash. The garbage and oversized requests show that a server answers bad input with an error reply.</source>
        <translation>客户端创建一个套接字，把主机名解析为地址，进行连接（TCP 握手），发送一个 HTTP 请求，然后分块读取应答，直到服务器关闭连接。默认情况下，它与场景在 127.0.0.1 上启动的一个小型 HTTP 响应器通信。试试未知主机（例如 no-such-host.invalid），或者一个没有程序监听的端口：失败会显示为错误，而不是崩溃。垃圾请求和超大请求则表明，服务器会用错误应答来回应不良输入。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name or address of the server</source>
        <translation>服务器的名称或地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Server port; 0 starts the local HTTP responder on 127.0.0.1 and uses its port</source>
        <translation>服务器端口；0 表示在 127.0.0.1 上启动本地 HTTP 响应器并使用它的端口</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A proper GET, a line of garbage, or a 16 KiB request head (on the command line: request=get, garbage or oversized)</source>
        <translation>一个正确的 GET、一行乱码，或一个 16 KiB 的请求头（命令行中为 request=get、garbage 或 oversized）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>a proper GET</source>
        <translation>正确的 GET</translation>
    </message>
    <message>
        <location line="+0" />
        <source>a line of garbage</source>
        <translation>一行乱码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>a 16 KiB request head</source>
        <translation>16 KiB 的请求头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Max bytes to receive</source>
        <translation>最多接收字节数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The client stops reading after this many bytes</source>
        <translation>客户端读取这么多字节后停止</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout (ms)</source>
        <translation>超时（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Limit for resolving, connecting and each receive</source>
        <translation>解析、连接以及每次接收的时间上限</translation>
    </message>
    <message>
        <location line="-154" />
        <source>client socket</source>
        <translation>客户端套接字</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 is %2</source>
        <translation>%1 解析为 %2</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Sent %1 bytes; the server closed the connection without replying.</source>
        <translation>已发送 %1 字节；服务器没有应答就关闭了连接。</translation>
    </message>
    <message>
        <location line="-74" />
        <source>reply: %1</source>
        <translation>应答：%1</translation>
    </message>
    <message>
        <location line="+79" />
        <source>Sent %1 bytes and received %2 bytes; the server answered "%3".</source>
        <translation>发送了 %1 字节，收到了 %2 字节；服务器回答“%3”。</translation>
    </message>
    <message>
        <location line="-14" />
        <source>The client could not finish: %1</source>
        <translation>客户端未能完成：%1</translation>
    </message>
</context>
<context>
    <name>SocketRecvLoopScenario</name>
    <message>
        <location filename="../../core/scenarios/sockets/socketrecvloop.cpp" line="+147" />
        <source>Receive a large reply in a loop</source>
        <translation>循环接收大的应答</translation>
    </message>
    <message>
        <location line="+3" />
        <source>One recv() call returns whatever has arrived so far, up to the size asked for — never the whole message at once if it is large. The client therefore calls recv() in a loop until it returns nothing, which means the server closed the connection. Every chunk is drawn as its own arrow; the bytes received add up to the bytes sent.</source>
        <translation>一次 recv() 调用返回目前已到达的数据，最多为请求的大小——如果消息很大，绝不会一次返回整条消息。因此客户端循环调用 recv()，直到它什么也不返回，这意味着服务器关闭了连接。每个数据块都绘制为一条单独的箭头；收到的字节总数等于发送的字节数。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Reply size (bytes)</source>
        <translation>应答大小（字节）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How many bytes the server sends</source>
        <translation>服务器发送的字节数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recv() size (bytes)</source>
        <translation>recv() 大小（字节）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The most one recv() call asks for</source>
        <translation>一次 recv() 调用最多请求的字节数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout (ms)</source>
        <translation>超时（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Limit for each connect, send and recv</source>
        <translation>每次 connect、send 和 recv 的时间上限</translation>
    </message>
    <message>
        <location line="-82" />
        <source>server socket</source>
        <translation>服务器套接字</translation>
    </message>
    <message>
        <location line="+13" />
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+3" />
        <source>client socket</source>
        <translation>客户端套接字</translation>
    </message>
    <message>
        <location line="+26" />
        <source>The transfer failed: %1</source>
        <translation>传输失败：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 bytes sent, %2 bytes received in %3 recv() calls (the last one returned nothing: the server had closed).</source>
        <translation>发送了 %1 字节，在 %3 次 recv() 调用中收到了 %2 字节（最后一次什么也没返回：服务器已关闭连接）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 bytes sent but %2 bytes received.</source>
        <translation>发送了 %1 字节，但收到了 %2 字节。</translation>
    </message>
</context>
<context>
    <name>SocketServerScenario</name>
    <message>
        <location filename="../../core/scenarios/sockets/socketserver.cpp" line="+183" />
        <source>A TCP server: bind, listen, accept</source>
        <translation>TCP 服务器：绑定、监听、接受连接</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The server binds a socket to 127.0.0.1 and a port, listens, then accepts one connection at a time: it receives up to 1024 bytes, replies with a greeting and closes the connection. Client threads connect, send a line and print the reply. The timeline reads as a sequence diagram: the handshake (connect and accept), each send and its receive, and the close.</source>
        <translation>服务器把套接字绑定到 127.0.0.1 和一个端口，开始监听，然后每次 accept 一个连接：它最多接收 1024 字节，回复一句问候并关闭连接。客户端线程发起连接、发送一行文字并打印应答。时间线可以当作时序图来读：握手（connect 和 accept）、每次发送及其对应的接收，以及关闭。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Client threads</source>
        <translation>客户端线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clients started inside the run</source>
        <translation>在本次运行中启动的客户端</translation>
    </message>
    <message>
        <location line="+1" />
        <source>External clients</source>
        <translation>外部客户端数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Extra connections the server waits for from outside the run (e.g. nc 127.0.0.1 PORT)</source>
        <translation>服务器额外等待的、来自本次运行之外的连接数（例如 nc 127.0.0.1 PORT）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Listen backlog</source>
        <translation>监听 backlog</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many finished handshakes the kernel may queue</source>
        <translation>内核最多可以排队多少个已完成的握手</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>0 lets the system pick a free port</source>
        <translation>0 表示由系统选择一个空闲端口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout (ms)</source>
        <translation>超时（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Limit for each accept, recv and send</source>
        <translation>每次 accept、recv 和 send 的时间上限</translation>
    </message>
    <message>
        <location line="-95" />
        <source>server socket</source>
        <translation>服务器套接字</translation>
    </message>
    <message>
        <location line="+5" />
        <source>listening on 127.0.0.1:%1</source>
        <translation>正在监听 127.0.0.1:%1</translation>
    </message>
    <message>
        <location line="-39" />
        <source>%1 socket</source>
        <translation>%1 套接字</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Hi, I am %1</source>
        <translation>你好，我是 %1</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Hello %1, you said: %2
</source>
        <translation>你好 %1，你说的是：%2
</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The server on port %1 accepted and answered %2 of %3 connections; %4 client threads read their greeting.</source>
        <translation>端口 %1 上的服务器接受并回答了 %3 个连接中的 %2 个；%4 个客户端线程读到了问候语。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Last error: %1</source>
        <translation>最后一个错误：%1</translation>
    </message>
</context>
<context>
    <name>SocketThreadedServerScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/sockets/socketthreadedserver.cpp" line="+199" />
        <source>%n client(s), %2 ms of work each: the single-threaded server took %3 ms, the thread-per-connection server %4 ms (%5× as fast).</source>
        <translation>
            <numerusform>%n 个客户端，每个需要 %2 ms 的工作：单线程服务器耗时 %3 ms，每连接一个线程的服务器耗时 %4 ms（速度是前者的 %5 倍）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24" />
        <source>A thread per connection vs. one at a time</source>
        <translation>每个连接一个线程与逐个处理</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Several clients send a request at the same moment; handling one takes the server a while. A single-threaded server answers them one after another, so the last client waits for all the others. A server that starts a thread for each accepted connection works on all of them at once. Both servers run here with the same clients, and the outcome compares their total times.</source>
        <translation>几个客户端在同一时刻发送请求；服务器处理每个请求都需要一段时间。单线程服务器逐个回答它们，所以最后一个客户端要等待其他所有客户端。为每个接受的连接启动一个线程的服务器则同时处理所有连接。这里两种服务器都与同样的客户端一起运行，结果会比较它们的总耗时。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Clients</source>
        <translation>客户端数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clients that connect at the same time</source>
        <translation>同时发起连接的客户端数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Work per request (ms)</source>
        <translation>每个请求的工作时间（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long the server works on one request</source>
        <translation>服务器处理一个请求需要多长时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeout (ms)</source>
        <translation>超时（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Limit for each connect, accept and recv</source>
        <translation>每次 connect、accept 和 recv 的时间上限</translation>
    </message>
    <message>
        <location line="-132" />
        <source>thread per connection</source>
        <translation>每连接一个线程</translation>
    </message>
    <message>
        <location line="+0" />
        <source>single-threaded</source>
        <translation>单线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>threaded server socket</source>
        <translation>多线程服务器套接字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>single server socket</source>
        <translation>单线程服务器套接字</translation>
    </message>
    <message>
        <location line="-20" />
        <source>client %1 socket</source>
        <translation>客户端 %1 套接字</translation>
    </message>
    <message>
        <location line="+3" />
        <source>request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>client %1 (threaded)</source>
        <translation>客户端 %1（多线程）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>client %1 (single)</source>
        <translation>客户端 %1（单线程）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>handler %1</source>
        <translation>处理线程 %1</translation>
    </message>
    <message>
        <location line="+35" />
        <source>single-threaded server: %1 ms</source>
        <translation>单线程服务器：%1 ms</translation>
    </message>
    <message>
        <location line="+2" />
        <source>thread per connection: %1 ms</source>
        <translation>每连接一个线程：%1 ms</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Not every client got its answer within the timeout (%1 ms): %2 of %3 with the single-threaded server, %4 of %3 with a thread per connection, so the times (%5 ms and %6 ms) are not comparable. Raise the timeout above the work time.</source>
        <translation>并非每个客户端都在超时（%1 ms）内收到了应答：单线程服务器为 %2/%3，每连接一个线程的服务器为 %4/%3，因此两个时间（%5 ms 和 %6 ms）不可比较。请把超时设得比工作时间更长。</translation>
    </message>
    <message>
        <location line="-7" />
        <source>A server could not finish: %1</source>
        <translation>有一个服务器未能完成：%1</translation>
    </message>
</context>
<context>
    <name>SyncProducerConsumerScenario</name>
    <message>
        <location filename="../../core/scenarios/sync/syncproducerconsumer.cpp" line="+173" />
        <source>%1 put %2 items through a queue of %3; %4 received %5, %6 missing, %7 duplicated, %8 out of order. Producers waited for space %9 times, consumers for an item %10 times.</source>
        <translation>%1 通过容量为 %3 的队列放入 %2 个项目；%4 收到 %5 个，缺失 %6 个，重复 %7 个，乱序 %8 个。生产者等待空位 %9 次，消费者等待项目 %10 次。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Producers and consumers on a bounded queue</source>
        <translation>有界队列上的生产者与消费者</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Producers put items into a queue that holds only a few; consumers take them out. A lock guards the queue and two condition variables say when it is no longer full and no longer empty. A producer that finds the queue full waits on "not full" until a consumer takes an item and notifies it; a consumer that finds it empty waits on "not empty". Each notify is drawn as an arrow to the thread it wakes, and the queue's depth is drawn as a counter.</source>
        <translation>生产者把数据项放入一个只能容纳少量数据项的队列，消费者把它们取出。一把锁保护队列，两个条件变量分别表示队列何时不再满、何时不再空。发现队列已满的生产者在“未满”上等待，直到某个消费者取走一项并通知它；发现队列为空的消费者在“非空”上等待。每次 notify 都绘制为一条指向被唤醒线程的箭头，队列深度以计数器的形式绘制。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Producers</source>
        <translation>生产者数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Consumers</source>
        <translation>消费者数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Items per producer</source>
        <translation>每个生产者的数据项数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Queue capacity</source>
        <translation>队列容量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time to make an item (ms)</source>
        <translation>生产一项的时间（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time to use an item (ms)</source>
        <translation>消费一项的时间（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Slower consumers fill the queue, so producers block; faster ones empty it, so consumers block</source>
        <translation>消费者较慢时队列会被填满，生产者因此阻塞；消费者较快时队列会被清空，消费者因此阻塞</translation>
    </message>
    <message>
        <location line="-108" />
        <source>producer-%1</source>
        <translation>生产者-%1</translation>
    </message>
    <message>
        <location line="-34" />
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+1" />
        <source>queue lock</source>
        <translation>队列锁</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+89" />
        <source>not full</source>
        <translation>未满</translation>
    </message>
    <message>
        <location line="-89" />
        <location line="+90" />
        <source>not empty</source>
        <translation>非空</translation>
    </message>
    <message>
        <location line="-56" />
        <source>consumer-%1</source>
        <translation>消费者-%1</translation>
    </message>
    <message numerus="yes">
        <location line="+61" />
        <source>%n producer(s)</source>
        <translation>
            <numerusform>%n 个生产者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n consumer(s)</source>
        <translation>
            <numerusform>%n 个消费者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadsCreateScenario</name>
    <message>
        <location filename="../../core/scenarios/threads/threadscreate.cpp" line="+68" />
        <source>Start threads from a function</source>
        <translation>从函数启动线程</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Three threads run the same target function, each with its own argument. Each prints its number and thread id; the order of the prints changes from run to run because the OS scheduler decides who runs first.</source>
        <translation>三个线程运行同一个目标函数，每个线程有自己的参数。每个线程打印自己的编号和线程 id；打印的顺序每次运行都可能不同，因为由操作系统调度器决定谁先运行。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many threads to start</source>
        <translation>要启动的线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Work time (ms)</source>
        <translation>工作时间（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long each thread sleeps after printing</source>
        <translation>每个线程打印后休眠多长时间</translation>
    </message>
    <message>
        <location line="-42" />
        <source>worker %1 running in %2 (id %3)</source>
        <translation>工作线程 %1 正在 %2 中运行（id %3）</translation>
    </message>
    <message numerus="yes">
        <location line="+19" />
        <source>%n thread(s) started, ran and were joined.</source>
        <translation>
            <numerusform>%n 个线程已启动、运行并被 join。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadsDaemonScenario</name>
    <message>
        <location filename="../../core/scenarios/threads/threadsdaemon.cpp" line="+46" />
        <source>background: finished</source>
        <translation>后台线程：已完成</translation>
    </message>
    <message>
        <location line="+10" />
        <source>main: done, returning</source>
        <translation>主线程：完成，正在返回</translation>
    </message>
    <message>
        <location line="+82" />
        <source>A daemon thread does not keep its process alive</source>
        <translation>守护线程不会让进程保持存活</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A child process starts a background thread that sleeps and then prints, while its main thread returns sooner. As a daemon, the thread dies with the process: the process exits while it sleeps and its print never happens. Turn daemon off and the process waits for the thread to finish and print before it exits.</source>
        <translation>子进程启动一个先休眠再打印的后台线程，而它的主线程会更早返回。作为守护线程，该线程随进程一起终止：进程在它休眠时就退出了，它的打印永远不会发生。关闭 daemon 后，进程会等待该线程完成并打印，然后才退出。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Daemon thread</source>
        <translation>守护线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whether the background thread is a daemon</source>
        <translation>后台线程是否为守护线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Background sleep (ms)</source>
        <translation>后台休眠（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>How long the background thread sleeps before it prints</source>
        <translation>后台线程在打印之前休眠多长时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Main work (ms)</source>
        <translation>主线程工作（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long the main thread works before it returns</source>
        <translation>主线程在返回之前工作多长时间</translation>
    </message>
    <message>
        <location line="-85" />
        <source>daemon demo</source>
        <translation>守护线程演示</translation>
    </message>
    <message>
        <location line="+33" />
        <source>The child process failed: %1</source>
        <translation>子进程失败：%1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>The daemon thread printed before the process exited (main worked at least as long as it slept).</source>
        <translation>守护线程在进程退出之前完成了打印（主线程工作的时间不短于它休眠的时间）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The process exited %1 ms before the daemon thread was due to wake up; the daemon's print never happened.</source>
        <translation>进程在守护线程本应醒来之前 %1 ms 就退出了；守护线程的打印从未发生。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The process exited as the daemon thread was waking up, before it could print; the daemon's print never happened.</source>
        <translation>进程在守护线程刚要醒来、还没来得及打印时就退出了；守护线程的打印从未发生。</translation>
    </message>
    <message>
        <location line="-11" />
        <source>The process stayed alive until the non-daemon thread finished and printed, then exited.</source>
        <translation>进程一直存活到非守护线程完成并打印，然后才退出。</translation>
    </message>
</context>
<context>
    <name>ThreadsIdentityScenario</name>
    <message>
        <location filename="../../core/scenarios/threads/threadsidentity.cpp" line="+80" />
        <source>Thread names and ids</source>
        <translation>线程名称与 id</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Every thread has a name and a native id that the operating system assigns (gettid() on Linux) — the main thread included. Threads started without a name are called Thread-1, Thread-2 and so on. Each thread prints who it is; the same name and id label its lane.</source>
        <translation>每个线程都有一个名称和一个由操作系统分配的原生 id（Linux 上为 gettid()），主线程也不例外。未指定名称就启动的线程会被命名为 Thread-1、Thread-2，依此类推。每个线程打印自己的身份；同样的名称和 id 也标注在它的泳道上。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many threads to start besides the main thread</source>
        <translation>除主线程外要启动的线程数</translation>
    </message>
    <message>
        <location line="-51" />
        <source>%1: native id %2</source>
        <translation>%1：原生 id %2</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 (id %2)</source>
        <translation>%1（id %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>%n thread(s), each with its own name and native id: %1.</source>
        <translation>
            <numerusform>%n 个线程，各有自己的名称和原生 id：%1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadsJoinScenario</name>
    <message>
        <location filename="../../core/scenarios/threads/threadsjoin.cpp" line="+106" />
        <source>Wait for a thread with join()</source>
        <translation>用 join() 等待线程</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The main thread starts a worker and then runs its own loop. With join() the main thread blocks until the worker has finished, so its loop starts only afterwards; its wait covers the worker's whole life. Without join() the two loops run at the same time and their prints interleave.</source>
        <translation>主线程启动一个工作线程，然后运行自己的循环。调用 join() 时，主线程会阻塞到工作线程结束，所以它的循环在那之后才开始；它的等待覆盖了工作线程的整个生命周期。不调用 join() 时，两个循环同时运行，它们的打印交错出现。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Call join()</source>
        <translation>调用 join()</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wait for the worker before the main loop</source>
        <translation>在主循环之前等待工作线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker runs for (ms)</source>
        <translation>工作线程运行时长（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Main loop runs for (ms)</source>
        <translation>主循环运行时长（ms）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Print every (ms)</source>
        <translation>打印间隔（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Both loops print once per tick</source>
        <translation>两个循环每个节拍打印一次</translation>
    </message>
    <message>
        <location line="-70" />
        <source>worker: tick %1 of %2</source>
        <translation>工作线程：节拍 %1/%2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>main loop: tick %1 of %2</source>
        <translation>主循环：节拍 %1/%2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>main waited %1 ms in join(); %2 of %3 main-loop prints came after the worker had finished.</source>
        <translation>主线程在 join() 中等待了 %1 ms；%3 次主循环打印中有 %2 次发生在工作线程结束之后。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Without join() %1 of %2 main-loop prints happened while the worker was still running.</source>
        <translation>不调用 join() 时，%2 次主循环打印中有 %1 次发生在工作线程仍在运行期间。</translation>
    </message>
</context>
<context>
    <name>ThreadsSubclassScenario</name>
    <message>
        <location filename="../../core/scenarios/threads/threadssubclass.cpp" line="+50" />
        <source>%1: step %2 of %3</source>
        <translation>%1：第 %2 步，共 %3 步</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Subclass Thread and override run()</source>
        <translation>继承 Thread 并重写 run()</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Instead of passing a target function, a class derives from Thread and overrides run(). start() creates the OS thread, which calls that run(). Two named instances, Alpha and Beta, each print their own steps on their own lane.</source>
        <translation>不传入目标函数，而是让一个类继承 Thread 并重写 run()。start() 创建操作系统线程，由该线程调用这个 run()。两个命名实例 Alpha 和 Beta 各自在自己的泳道上打印自己的步骤。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Steps per thread</source>
        <translation>每个线程的步数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many lines each thread prints</source>
        <translation>每个线程打印多少行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pause per step (ms)</source>
        <translation>每步暂停（ms）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How long each thread sleeps after a step</source>
        <translation>每个线程在每一步之后休眠多长时间</translation>
    </message>
    <message>
        <location line="-28" />
        <source>Two Worker threads ran their own run(): Alpha did %1 steps, Beta did %2.</source>
        <translation>两个 Worker 线程运行了各自的 run()：Alpha 完成了 %1 步，Beta 完成了 %2 步。</translation>
    </message>
</context>
<context>
    <name>weft::AcceptQueueMonitor</name>
    <message>
        <location filename="../../core/net/acceptqueuemonitor.cpp" line="+30" />
        <source>accept queue of %1</source>
        <translation>%1 的 accept 队列</translation>
    </message>
</context>
<context>
    <name>weft::ChromeEventConverter</name>
    <message>
        <location filename="../../core/interchange/chromeeventconverter.cpp" line="+108" />
        <source>at byte %1: %2</source>
        <translation>第 %1 字节处：%2</translation>
    </message>
    <message>
        <location line="+31" />
        <source>more than %1 processes; this is not a trace Weft can draw</source>
        <translation>超过 %1 个进程；Weft 无法绘制这样的轨迹</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <location line="+21" />
        <source>more than %1 threads; this is not a trace Weft can draw</source>
        <translation>超过 %1 个线程；Weft 无法绘制这样的轨迹</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <location line="+53" />
        <source>more than %1 counter tracks; this is not a trace Weft can draw</source>
        <translation>超过 %1 条计数器轨道；Weft 无法绘制这样的跟踪</translation>
    </message>
    <message>
        <location line="+17" />
        <source>more than %1 counters, flows and async tracks</source>
        <translation>计数器、流和异步轨道超过 %1 个</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 %2 is out of range; event skipped</source>
        <translation>%1 的值 %2 超出范围；已跳过该事件</translation>
    </message>
    <message>
        <location line="+12" />
        <source>more than %1 events</source>
        <translation>超过 %1 个事件</translation>
    </message>
    <message>
        <location line="+6" />
        <source>event without a "ph" (phase); skipped</source>
        <translation>事件缺少 "ph"（阶段）；已跳过</translation>
    </message>
    <message>
        <location line="+24" />
        <source>event without a "ts" (timestamp); skipped</source>
        <translation>事件缺少 "ts"（时间戳）；已跳过</translation>
    </message>
    <message>
        <location line="+64" />
        <source>%1 without a string args.name; ignored</source>
        <translation>%1 缺少字符串类型的 args.name；已忽略</translation>
    </message>
    <message>
        <location line="+17" />
        <source>negative duration %1; treated as 0</source>
        <translation>时长 %1 为负数；按 0 处理</translation>
    </message>
    <message>
        <location line="+45" />
        <source>E (end) without a matching B (begin) on this thread; skipped</source>
        <translation>该线程上的 E（结束）没有匹配的 B（开始）；已跳过</translation>
    </message>
    <message>
        <location line="+10" />
        <source>E (end) is earlier than its B (begin); treated as zero length</source>
        <translation>E（结束）早于它的 B（开始）；按零长度处理</translation>
    </message>
    <message>
        <location line="+22" />
        <source>counter "%1" has no numeric args; skipped</source>
        <translation>计数器“%1”没有数值参数；已跳过</translation>
    </message>
    <message>
        <location line="+6" />
        <source>flow event without an "id"; skipped</source>
        <translation>流事件缺少 "id"；已跳过</translation>
    </message>
    <message numerus="yes">
        <location line="+344" />
        <source>%Ln event(s) with unsupported phase "%1" skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 个使用不支持的阶段 "%1" 的事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36" />
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0" />
        <source>%Ln lane(s)</source>
        <translation>
            <numerusform>%Ln 条泳道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln 条警告</numerusform>
        </translation>
    </message>
    <message>
        <location line="-770" />
        <source>flow %1</source>
        <translation>流 %1</translation>
    </message>
    <message>
        <location line="+419" />
        <source>async event without an "id"; skipped</source>
        <translation>异步事件缺少 "id"；已跳过</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+11" />
        <source>async end without a begin for "%1"; skipped</source>
        <translation>“%1”的异步结束没有对应的开始；已跳过</translation>
    </message>
    <message>
        <location line="+68" />
        <source>a "weft_trace" record after other events; ignored</source>
        <translation>"weft_trace" 记录出现在其他事件之后；已忽略</translation>
    </message>
    <message>
        <location line="+5" />
        <source>written by another version of Weft; read as a plain Chrome trace</source>
        <translation>由另一版本的 Weft 写入；按普通 Chrome 跟踪读取</translation>
    </message>
    <message>
        <location line="+6" />
        <source>"weft_trace" without a usable base_ns; read as a plain Chrome trace</source>
        <translation>"weft_trace" 缺少可用的 base_ns；按普通 Chrome 跟踪读取</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1 with a missing or out-of-order %2; ignored</source>
        <translation>%1 缺少 %2 或其顺序不对；已忽略</translation>
    </message>
    <message>
        <location line="+59" />
        <source>args.weft has an unknown kind "%1"; skipped</source>
        <translation>args.weft 的类型 "%1" 未知；已跳过</translation>
    </message>
    <message>
        <location line="+8" />
        <source>args.weft names a lane, object, site or flag out of range; skipped</source>
        <translation>args.weft 指向的泳道、对象、位置或标志超出范围；已跳过</translation>
    </message>
    <message>
        <location line="+6" />
        <source>args.weft time is out of range; skipped</source>
        <translation>args.weft 的时间超出范围；已跳过</translation>
    </message>
    <message numerus="yes">
        <location line="+75" />
        <source>%n B (begin) event(s) never ended; closed at the end of the trace</source>
        <translation>
            <numerusform>%n 个 B（开始）事件始终没有结束；已在轨迹末尾关闭</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>%n async span(s) never ended; closed at the end of the trace</source>
        <translation>
            <numerusform>%n 个异步区间始终没有结束；已在轨迹末尾关闭</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14" />
        <source>%n flow(s) do not have as many finishes as starts (the first begins at byte %1)</source>
        <translation>
            <numerusform>%n 个流的结束数与开始数不一致（第一个从第 %1 字节开始）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>%n name(s) or text(s) longer than %1 KiB were cut to that length</source>
        <translation>
            <numerusform>%n 个名称或文本超过 %1 KiB，已截断到该长度</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40" />
        <source>Imported %1 on %2 from a Chrome trace; %3.</source>
        <translation>已从 Chrome 轨迹导入 %1，分布在 %2上；%3。</translation>
    </message>
</context>
<context>
    <name>weft::ChromeSliceParser</name>
    <message>
        <location filename="../../core/interchange/chromesliceparser.cpp" line="+81" />
        <source>at byte %1: %2</source>
        <translation>第 %1 字节处：%2</translation>
    </message>
    <message>
        <location line="+140" />
        <source>"%1" is not a string; event skipped</source>
        <translation>"%1" 不是字符串；已跳过该事件</translation>
    </message>
    <message>
        <location line="+17" />
        <source>"%1" is a string where a number belongs; event skipped</source>
        <translation>"%1" 在应为数字的位置是字符串；已跳过该事件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>"%1" is not a number; event skipped</source>
        <translation>"%1" 不是数字；已跳过该事件</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+28" />
        <source>"%1" is not a usable number; event skipped</source>
        <translation>"%1" 不是可用的数字；已跳过该事件</translation>
    </message>
    <message>
        <location line="+34" />
        <source>"%1" is neither a number nor a string; event skipped</source>
        <translation>"%1" 既不是数字也不是字符串；已跳过该事件</translation>
    </message>
    <message>
        <location line="+110" />
        <source>a member of args.weft has the wrong type; event skipped</source>
        <translation>args.weft 的某个成员类型不对；已跳过该事件</translation>
    </message>
    <message>
        <location line="+13" />
        <source>an element of the event array is not an object; skipped</source>
        <translation>事件数组中的某个元素不是对象；已跳过</translation>
    </message>
    <message>
        <location line="+76" />
        <source>the text is not valid UTF-8 (is this a binary file?)</source>
        <translation>文本不是有效的 UTF-8（这是二进制文件吗？）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>malformed JSON in the events up to byte %1: %2</source>
        <translation>截至第 %1 字节，事件中的 JSON 格式错误：%2</translation>
    </message>
    <message>
        <location line="+37" />
        <source>malformed JSON: %1</source>
        <translation>JSON 格式错误：%1</translation>
    </message>
</context>
<context>
    <name>weft::ChromeTraceImporter</name>
    <message>
        <location filename="../../core/interchange/chrometraceimporter.cpp" line="+78" />
        <source>loading was cancelled</source>
        <translation>加载已取消</translation>
    </message>
    <message>
        <location line="+19" />
        <source>the file ends inside an event (it looks truncated); that event was skipped</source>
        <translation>文件在某个事件内部结束（看起来被截断了）；该事件已跳过</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the trace holds no events</source>
        <translation>轨迹中没有事件</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>no usable events; %n problem(s), the first: %1</source>
        <translation>
            <numerusform>没有可用的事件；共 %n 个问题，第一个：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ChromeTraceScanner</name>
    <message>
        <location filename="../../core/interchange/chrometracescanner.cpp" line="+32" />
        <source>at byte %1: %2</source>
        <translation>第 %1 字节处：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>the end of the file</source>
        <translation>文件末尾</translation>
    </message>
    <message>
        <location line="+4" />
        <source>byte 0x%1</source>
        <translation>字节 0x%1</translation>
    </message>
    <message>
        <location line="+51" />
        <source>the file ends where a value was expected</source>
        <translation>文件在应当出现值的位置结束</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+9" />
        <source>the file ends inside a string</source>
        <translation>文件在字符串内部结束</translation>
    </message>
    <message>
        <location line="+6" />
        <source>values nested deeper than %1 levels</source>
        <translation>值的嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <location line="+9" />
        <source>the file ends inside a value</source>
        <translation>文件在值内部结束</translation>
    </message>
    <message>
        <location line="+7" />
        <source>expected a value but found %1</source>
        <translation>应为值，但找到的是 %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the file ends before a traceEvents array was found</source>
        <translation>在找到 traceEvents 数组之前文件就结束了</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+31" />
        <source>the object has no traceEvents array</source>
        <translation>该对象没有 traceEvents 数组</translation>
    </message>
    <message>
        <location line="-28" />
        <source>expected a member name but found %1</source>
        <translation>应为成员名，但找到的是 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the file ends inside a member name</source>
        <translation>文件在成员名内部结束</translation>
    </message>
    <message>
        <location line="+6" />
        <source>expected ':' after a member name but found %1</source>
        <translation>成员名之后应为 ':'，但找到的是 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>traceEvents is not an array (found %1)</source>
        <translation>traceEvents 不是数组（找到的是 %1）</translation>
    </message>
    <message>
        <location line="+13" />
        <source>expected ',' or '}' but found %1</source>
        <translation>应为 ',' 或 '}'，但找到的是 %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the file holds no JSON, only whitespace</source>
        <translation>文件中没有 JSON，只有空白字符</translation>
    </message>
    <message>
        <location line="+10" />
        <source>not a Chrome trace: expected '[' or '{' but found %1</source>
        <translation>不是 Chrome 轨迹：应为 '[' 或 '{'，但找到的是 %1</translation>
    </message>
    <message>
        <location line="+77" />
        <source>an event nests values deeper than %1 levels</source>
        <translation>某个事件中值的嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <location line="+8" />
        <source>unexpected '}' in the event array</source>
        <translation>事件数组中出现意外的 '}'</translation>
    </message>
    <message>
        <location line="+21" />
        <source>an empty element (two commas in a row) in the event array</source>
        <translation>事件数组中有一个空元素（连续两个逗号）</translation>
    </message>
</context>
<context>
    <name>weft::ConditionVariable</name>
    <message>
        <location filename="../../core/sync/conditionvariable.cpp" line="+37" />
        <source>wait on %1</source>
        <translation>在 %1 上等待</translation>
    </message>
    <message>
        <location line="+55" />
        <source>notify all on %1</source>
        <translation>通知 %1 上的所有等待者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>notify %1</source>
        <translation>通知 %1</translation>
    </message>
</context>
<context>
    <name>weft::Connection</name>
    <message numerus="yes">
        <location filename="../../core/process/connection.cpp" line="+56" />
        <source>send %n byte(s) on %1</source>
        <translation>
            <numerusform>在 %1 上发送 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>receive on %1</source>
        <translation>在 %1 上接收</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+25" />
        <source>waiting for a message</source>
        <translation>等待消息</translation>
    </message>
</context>
<context>
    <name>weft::Deadlock</name>
    <message>
        <location filename="../../core/sync/deadlockreport.cpp" line="+35" />
        <source>%1 waits for %2 to finish</source>
        <translation>%1 等待 %2 结束</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 waits for %2 held by %3</source>
        <translation>%1 等待 %3 持有的 %2</translation>
    </message>
    <message>
        <location line="+27" />
        <source>deadlock: %1</source>
        <translation>死锁：%1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Deadlock detected: %1. The run was stopped instead of hanging.</source>
        <translation>检测到死锁：%1。运行已被停止，而不是一直挂起。</translation>
    </message>
</context>
<context>
    <name>weft::Deque</name>
    <message>
        <location filename="../../core/sync/deque.cpp" line="+21" />
        <source>%1 depth</source>
        <translation>%1的深度</translation>
    </message>
    <message>
        <location line="+7" />
        <source>append %1 to %2</source>
        <translation>将 %1 追加到 %2</translation>
    </message>
    <message>
        <location line="+16" />
        <source>popleft from %1</source>
        <translation>从 %1 popleft</translation>
    </message>
</context>
<context>
    <name>weft::Gil</name>
    <message>
        <location filename="../../core/sync/gil.cpp" line="+41" />
        <source>take %1</source>
        <translation>获取 %1</translation>
    </message>
    <message>
        <location line="+41" />
        <source>drop request: %1 asks for the GIL</source>
        <translation>释放请求：%1 请求获取 GIL</translation>
    </message>
    <message>
        <location line="+41" />
        <source>forced switch: waits until another thread takes the GIL</source>
        <translation>强制切换：等待另一个线程拿到 GIL</translation>
    </message>
</context>
<context>
    <name>weft::HostResolver</name>
    <message>
        <location filename="../../core/net/hostresolver.cpp" line="+60" />
        <location line="+16" />
        <source>resolve %1</source>
        <translation>解析 %1</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Cannot resolve host "%1": not a valid host name</source>
        <translation>无法解析主机“%1”：不是有效的主机名</translation>
    </message>
    <message>
        <location line="+5" />
        <source>names under .invalid never exist</source>
        <translation>.invalid 下的名称永不存在</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Cannot resolve host "%1": no answer within %2 ms</source>
        <translation>无法解析主机“%1”：%2 ms 内没有应答</translation>
    </message>
    <message>
        <location line="-33" />
        <location line="+43" />
        <source>Cannot resolve host "%1": %2</source>
        <translation>无法解析主机“%1”：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no address</source>
        <translation>没有地址</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is %2</source>
        <translation>%1 解析为 %2</translation>
    </message>
</context>
<context>
    <name>weft::HttpResponder</name>
    <message>
        <location filename="../../core/net/httpresponder.cpp" line="+93" />
        <source>%1 socket</source>
        <translation>%1 套接字</translation>
    </message>
</context>
<context>
    <name>weft::Mutex</name>
    <message>
        <location filename="../../core/mutex.cpp" line="+35" />
        <source>acquire %1</source>
        <translation>获取 %1</translation>
    </message>
    <message>
        <location line="+39" />
        <source>try to acquire %1</source>
        <translation>尝试获取 %1</translation>
    </message>
</context>
<context>
    <name>weft::Outcome</name>
    <message>
        <location filename="../../core/tracetypes.cpp" line="+41" />
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="+2" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+2" />
        <source>deadlock detected</source>
        <translation>检测到死锁</translation>
    </message>
</context>
<context>
    <name>weft::Parameter</name>
    <message>
        <location filename="../../core/parameter.cpp" line="+121" />
        <source>parameter '%1' expects true or false, not '%2'</source>
        <translation>参数“%1”应为 true 或 false，而不是“%2”</translation>
    </message>
    <message>
        <location line="+1" />
        <source>parameter '%1' expects a number, not '%2'</source>
        <translation>参数“%1”应为数字，而不是“%2”</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+10" />
        <source>parameter '%1' must be between %2 and %3, not %4</source>
        <translation>参数“%1”必须在 %2 到 %3 之间，而不是 %4</translation>
    </message>
    <message>
        <location line="+9" />
        <source>parameter '%1' must be one of %2, not '%3'</source>
        <translation>参数“%1”必须是 %2 之一，而不是“%3”</translation>
    </message>
    <message>
        <location line="+5" />
        <source>parameter '%1' is longer than %2 characters</source>
        <translation>参数“%1”超过了 %2 个字符</translation>
    </message>
    <message>
        <location line="+27" />
        <source>parameter '%1' is not of the form key=value</source>
        <translation>参数“%1”的格式不是 key=value</translation>
    </message>
    <message>
        <location line="+12" />
        <source>unknown parameter '%1': this scenario takes no parameters</source>
        <translation>未知参数“%1”：该场景没有参数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown parameter '%1'; known parameters: %2</source>
        <translation>未知参数“%1”；已知参数：%2</translation>
    </message>
</context>
<context>
    <name>weft::Process</name>
    <message>
        <location filename="../../core/process/process.cpp" line="+131" />
        <source>start process %1</source>
        <translation>启动进程 %1</translation>
    </message>
    <message>
        <location line="+72" />
        <source>Could not start process %1 (%2): %3</source>
        <translation>无法启动进程 %1（%2）：%3</translation>
    </message>
    <message>
        <location line="+99" />
        <source>killed: its process exited while this thread was still running</source>
        <translation>被终止：该线程仍在运行时，它所在的进程已退出</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Process %1 (pid %2)</source>
        <translation>进程 %1（pid %2）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 exited with code %2</source>
        <translation>%1 已退出，退出码为 %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 was killed because the run was cancelled</source>
        <translation>由于运行被取消，%1 已被终止</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 was killed (signal %2, %3)</source>
        <translation>%1 已被终止（信号 %2，%3）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 crashed: signal %2 (%3)</source>
        <translation>%1 崩溃：信号 %2（%3）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 could not be waited for</source>
        <translation>无法等待 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The event stream of %1 was malformed (%2); later events are missing.</source>
        <translation>%1 的事件流格式错误（%2）；之后的事件已丢失。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>join process %1</source>
        <translation>等待进程 %1 结束（join）</translation>
    </message>
</context>
<context>
    <name>weft::Queue</name>
    <message>
        <location filename="../../core/process/queue.cpp" line="+17" />
        <source>%1 depth</source>
        <translation>%1的深度</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 server</source>
        <translation>%1 服务器</translation>
    </message>
</context>
<context>
    <name>weft::QueueClient</name>
    <message numerus="yes">
        <location filename="../../core/process/queueclient.cpp" line="+38" />
        <source>put %n byte(s) on %1</source>
        <translation>
            <numerusform>向 %1 放入 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>queue full</source>
        <translation>队列已满</translation>
    </message>
    <message>
        <location line="+6" />
        <source>get from %1</source>
        <translation>从 %1 取出</translation>
    </message>
    <message>
        <location line="+2" />
        <source>queue empty</source>
        <translation>队列为空</translation>
    </message>
</context>
<context>
    <name>weft::RecordCommand</name>
    <message>
        <location filename="../../app/recordcommand.cpp" line="+51" />
        <source>Usage: weft record [-o FILE.weft] [--export PICTURE] [--timeout MS] [--python] -- COMMAND [ARGS…]</source>
        <translation>用法：weft record [-o 文件.weft] [--export 图片] [--timeout 毫秒] [--python] -- 命令 [参数…]</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Records an unmodified, dynamically linked program: its threads, locks, condition variables, sleeps, pipes, sockets and child processes.</source>
        <translation>录制一个未经修改的动态链接程序：它的线程、锁、条件变量、休眠、管道、套接字和子进程。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Write the trace to &lt;file&gt; (.weft, or .json for Chrome/Perfetto).</source>
        <translation>将轨迹写入 &lt;file&gt;（.weft，或供 Chrome/Perfetto 使用的 .json）。</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+3" />
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Write a picture of the timeline (.png, .svg or .pdf).</source>
        <translation>导出时间线图片（.png、.svg 或 .pdf）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Picture width in pixels.</source>
        <translation>图片宽度（像素）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kill the program (and its children) after &lt;ms&gt; milliseconds (default 600000).</source>
        <translation>&lt;ms&gt; 毫秒后结束程序（及其子进程）（默认 600000）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Run the command's first word as a script with python3.</source>
        <translation>把命令的第一个词当作脚本，用 python3 运行。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>unexpected argument '%1' before '--'</source>
        <translation>“--”之前出现了意外的参数“%1”</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no command given</source>
        <translation>没有给出命令</translation>
    </message>
    <message>
        <location line="+6" />
        <source>python3 not found (Debian: apt-get install python3)</source>
        <translation>找不到 python3（Debian：apt-get install python3）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>--timeout must be a positive number of milliseconds (at most a day)</source>
        <translation>--timeout 必须是正的毫秒数（最多一天）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--width must be a number of pixels between 200 and 16000</source>
        <translation>--width 必须是 200 到 16000 之间的像素数</translation>
    </message>
    <message>
        <location line="+19" />
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+35" />
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+11" />
        <location line="+13" />
        <source>trace written to %1 (%Ln event(s))</source>
        <translation>
            <numerusform>轨迹已写入 %1（%Ln 个事件）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>nothing recorded, no picture written</source>
        <translation>没有录制到任何内容，未写出图片</translation>
    </message>
    <message>
        <location line="+4" />
        <source>picture written to %1</source>
        <translation>图片已写入 %1</translation>
    </message>
</context>
<context>
    <name>weft::RecorderSpill</name>
    <message>
        <location filename="../../core/recorderspill.cpp" line="+66" />
        <source>the trace could not be written: %1</source>
        <translation>无法写入跟踪文件：%1</translation>
    </message>
</context>
<context>
    <name>weft::ReplayDriver</name>
    <message>
        <location filename="../../core/replaydriver.cpp" line="+51" />
        <source>Replay diverged: the run ended after step %1 of %2.</source>
        <translation>重放偏离：运行在第 %1 步（共 %2 步）后结束。</translation>
    </message>
    <message>
        <location line="+238" />
        <source>Replay diverged at step %1 of %2: actor %3 came to do %4, the schedule expected %5.</source>
        <translation>重放在第 %1 步（共 %2 步）偏离：参与者 %3 要执行 %4，而调度预期的是 %5。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Replay diverged at step %1 of %2: actor %3 never reached its gate.</source>
        <translation>重放在第 %1 步（共 %2 步）偏离：参与者 %3 始终未到达其闸门。</translation>
    </message>
</context>
<context>
    <name>weft::ReplayTarget</name>
    <message>
        <location filename="../../core/replaytarget.cpp" line="+21" />
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
</context>
<context>
    <name>weft::Runner</name>
    <message>
        <location filename="../../core/runner.cpp" line="+113" />
        <source>Timed out after %1 ms; every thread was stopped.</source>
        <translation>%1 ms 后超时；所有线程均已停止。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled; every thread was stopped.</source>
        <translation>已取消；所有线程均已停止。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The scenario failed: %1</source>
        <translation>场景失败：%1</translation>
    </message>
</context>
<context>
    <name>weft::SharedCounter</name>
    <message>
        <location filename="../../core/sync/sharedcounter.cpp" line="+46" />
        <source>read %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>read %1 = %2</source>
        <translation>读取 %1 = %2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>write %1 = %2</source>
        <translation>写入 %1 = %2</translation>
    </message>
    <message>
        <location line="+16" />
        <source>lost update: read %1, wrote %2 over %3</source>
        <translation>丢失更新：读到 %1，写入 %2，覆盖了 %3</translation>
    </message>
</context>
<context>
    <name>weft::TcpListener</name>
    <message>
        <location filename="../../core/net/tcplistener.cpp" line="+63" />
        <source>create %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Cannot create a socket: %1</source>
        <translation>无法创建套接字：%1</translation>
    </message>
    <message>
        <location line="+28" />
        <source>%1 on %2: the socket is closed</source>
        <translation>在 %2 上执行 %1：套接字已关闭</translation>
    </message>
    <message>
        <location line="+7" />
        <source>bind %1</source>
        <translation>绑定 %1</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Cannot bind to "%1": not an IP address</source>
        <translation>无法绑定到“%1”：不是 IP 地址</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Cannot bind %1: %2</source>
        <translation>无法绑定 %1：%2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>listen (backlog %1)</source>
        <translation>监听（backlog %1）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>listen on %1: bind() it to an address first</source>
        <translation>在 %1 上监听：请先用 bind() 将其绑定到地址</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>accept on %1</source>
        <translation>在 %1 上接受连接</translation>
    </message>
    <message>
        <location line="+4" />
        <source>accept on %1: call listen() first</source>
        <translation>在 %1 上接受连接：请先调用 listen()</translation>
    </message>
    <message>
        <location line="+30" />
        <source>accept on %1 failed: %2</source>
        <translation>在 %1 上接受连接失败：%2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>accept on %1 timed out: no client connected within %2 ms</source>
        <translation>在 %1 上接受连接超时：%2 ms 内没有客户端连接</translation>
    </message>
    <message>
        <location line="+14" />
        <source>close %1</source>
        <translation>关闭 %1</translation>
    </message>
</context>
<context>
    <name>weft::TcpSocket</name>
    <message>
        <location filename="../../core/net/tcpsocket.cpp" line="+43" />
        <source>create %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>conn %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Cannot use the accepted connection: %1</source>
        <translation>无法使用已接受的连接：%1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 on %2: the socket is closed</source>
        <translation>在 %2 上执行 %1：套接字已关闭</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 on %2: the socket is not connected</source>
        <translation>在 %2 上执行 %1：套接字未连接</translation>
    </message>
    <message>
        <location line="+13" />
        <source>connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>connect on %1: the socket is already used</source>
        <translation>在 %1 上连接：该套接字已被使用</translation>
    </message>
    <message>
        <location line="+6" />
        <source>connect %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Connecting to %1 timed out after %2 ms</source>
        <translation>连接 %1 在 %2 ms 后超时</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Connection to %1 refused: nothing is listening on that port</source>
        <translation>连接 %1 被拒绝：该端口上没有程序在监听</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+18" />
        <source>send %n byte(s)</source>
        <translation>
            <numerusform>发送 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+23" />
        <source>send on %1 failed: %2</source>
        <translation>在 %1 上发送失败：%2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>send on %1 timed out: the peer did not read for %2 ms</source>
        <translation>在 %1 上发送超时：对端 %2 ms 内没有读取</translation>
    </message>
    <message>
        <location line="-9" />
        <source>send (buffer full)</source>
        <translation>发送（缓冲区已满）</translation>
    </message>
    <message numerus="yes">
        <location line="+26" />
        <source>recv up to %n byte(s)</source>
        <translation>
            <numerusform>接收最多 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>recv on %1: the size must be positive</source>
        <translation>在 %1 上 recv：大小必须为正数</translation>
    </message>
    <message>
        <location line="+16" />
        <source>recv on %1 timed out: nothing arrived within %2 ms</source>
        <translation>在 %1 上 recv 超时：%2 ms 内没有数据到达</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1: peer closed the connection</source>
        <translation>%1：对端关闭了连接</translation>
    </message>
    <message>
        <location line="+14" />
        <source>close %1</source>
        <translation>关闭 %1</translation>
    </message>
</context>
<context>
    <name>weft::Thread</name>
    <message>
        <location filename="../../core/thread.cpp" line="+58" />
        <source>start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <location line="+58" />
        <source>join %1</source>
        <translation>等待 %1 结束（join）</translation>
    </message>
</context>
<context>
    <name>weft::Topic</name>
    <message>
        <location filename="../../core/scenario.cpp" line="+13" />
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Locks</source>
        <translation>锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sockets</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Synchronisation</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>weft::Trace</name>
    <message>
        <location filename="../../core/trace.cpp" line="+84" />
        <source>an event time (%1 ns) is more than %2 years from zero; this is not a trace Weft can draw</source>
        <translation>某个事件时间（%1 纳秒）距零点超过 %2 年；Weft 无法绘制这样的轨迹</translation>
    </message>
    <message>
        <location line="+7" />
        <source>the events span %1 years (from %2 ns to %3 ns); Weft draws traces of up to %4 years</source>
        <translation>事件跨度为 %1 年（从 %2 纳秒到 %3 纳秒）；Weft 最多绘制 %4 年的轨迹</translation>
    </message>
    <message>
        <location line="+59" />
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>object %1</source>
        <translation>对象 %1</translation>
    </message>
</context>
<context>
    <name>weft::TraceFile</name>
    <message>
        <location filename="../../core/tracefile.cpp" line="+115" />
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location line="+3" />
        <source>not a Weft trace (the file does not start with WEFTTRC1)</source>
        <translation>不是 Weft 轨迹文件（文件不是以 WEFTTRC1 开头）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unsupported trace version %1 (this Weft reads versions %2 to %3)</source>
        <translation>不支持的追踪文件版本 %1（此版本的 Weft 可读取版本 %2 至 %3）</translation>
    </message>
    <message>
        <location filename="../../core/tracebytes.h" line="+215" />
        <source>unknown outcome status %1</source>
        <translation>未知的结果状态 %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>negative dropped-event count %1</source>
        <translation>丢弃事件数为负：%1</translation>
    </message>
    <message>
        <location filename="../../core/tracefile.cpp" line="+35" />
        <location filename="../../core/tracestreamreader.cpp" line="+228" />
        <source>actor %1 refers to process %2, but there are only %3</source>
        <translation>执行者 %1 引用了进程 %2，但只有 %3 个进程</translation>
    </message>
    <message>
        <location line="+89" />
        <location filename="../../core/tracestreamreader.cpp" line="+23" />
        <source>object %1 has unknown kind %2</source>
        <translation>对象 %1 的类型 %2 未知</translation>
    </message>
    <message>
        <location line="-66" />
        <location filename="../../core/tracestreamreader.cpp" line="+26" />
        <source>too many source sites (%1)</source>
        <translation>源代码位置过多（%1）</translation>
    </message>
    <message>
        <location filename="../../core/tracebytes.h" line="-162" />
        <source>at byte %1: %2</source>
        <translation>第 %1 字节处：%2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>file ends inside %1</source>
        <translation>文件在 %1 内部结束</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1 count %2 is larger than the rest of the file</source>
        <translation>%1 的数量 %2 超出了文件剩余部分的大小</translation>
    </message>
    <message>
        <location line="+87" />
        <source>the trace has %1 parameters; at most %2 are allowed</source>
        <translation>该跟踪有 %1 个参数；最多允许 %2 个</translation>
    </message>
    <message>
        <location line="+15" />
        <source>the trace has %1 outcome values; at most %2 are allowed</source>
        <translation>该跟踪有 %1 个结果值；最多允许 %2 个</translation>
    </message>
    <message>
        <location filename="../../core/tracefile.cpp" line="-46" />
        <source>the trace has %1 processes; Weft opens traces of at most %2</source>
        <translation>该跟踪有 %1 个进程；Weft 最多打开 %2 个进程的跟踪</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the trace has %1 threads; Weft opens traces of at most %2</source>
        <translation>该跟踪有 %1 个线程；Weft 最多打开 %2 个线程的跟踪</translation>
    </message>
    <message>
        <location line="+52" />
        <location filename="../../core/tracestreamreader.cpp" line="+59" />
        <source>event %1 has unknown kind %2</source>
        <translation>事件 %1 的类型 %2 未知</translation>
    </message>
    <message>
        <location line="+3" />
        <location filename="../../core/tracestreamreader.cpp" line="+5" />
        <source>event %1 refers to an actor, object, string or site that does not exist</source>
        <translation>事件 %1 引用了不存在的执行者、对象、字符串或源代码位置</translation>
    </message>
    <message>
        <location line="+3" />
        <source>event %1 (at byte %2) is earlier than the event before it; events must be in time order</source>
        <translation>事件 %1（第 %2 字节）早于它前面的事件；事件必须按时间顺序排列</translation>
    </message>
    <message>
        <location line="+6" />
        <source>event %1 (at byte %2): %3</source>
        <translation>事件 %1（第 %2 字节）：%3</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the file lists %1 objects; its events can refer to at most %2</source>
        <translation>文件列出了 %1 个对象；其事件最多只能引用 %2 个</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the file lists %1 strings; its events can refer to at most %2</source>
        <translation>文件列出了 %1 个字符串；其事件最多只能引用 %2 个</translation>
    </message>
    <message>
        <location line="+12" />
        <location filename="../../core/tracestreamreader.cpp" line="+130" />
        <source>the trace has %1 counter tracks; Weft opens traces of at most %2</source>
        <translation>该跟踪有 %1 条计数器轨道；Weft 最多打开 %2 条计数器轨道的跟踪</translation>
    </message>
    <message>
        <location line="+23" />
        <location filename="../../core/tracestreamreader.cpp" line="-176" />
        <source>unknown schedule flags %1</source>
        <translation>未知的调度标志 %1</translation>
    </message>
    <message>
        <location line="+11" />
        <location filename="../../core/tracestreamreader.cpp" line="+12" />
        <source>schedule step %1 has unknown kind %2</source>
        <translation>调度第 %1 步的类型 %2 未知</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../core/tracestreamreader.cpp" line="+3" />
        <source>schedule step %1 refers to an actor or site that does not exist</source>
        <translation>调度第 %1 步引用了不存在的执行者或源码位置</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 unexpected bytes after the last event</source>
        <translation>最后一个事件之后有 %1 个意外字节</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+6" />
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+31" />
        <source>the file is %1 MB; Weft opens trace files of up to %2 MB</source>
        <translation>文件大小为 %1 MB；Weft 只打开不超过 %2 MB 的轨迹文件</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+36" />
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location line="-22" />
        <location line="+24" />
        <source>this is a directory, not a trace file</source>
        <translation>这是一个目录，不是轨迹文件</translation>
    </message>
    <message>
        <location line="-21" />
        <source>this is a pipe (FIFO), not a trace file; Weft opens only regular files</source>
        <translation>这是一个管道（FIFO），不是轨迹文件；Weft 只打开普通文件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>this is a device, not a trace file; Weft opens only regular files</source>
        <translation>这是一个设备，不是轨迹文件；Weft 只打开普通文件</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+19" />
        <source>this is not a regular file; Weft opens only regular files</source>
        <translation>这不是普通文件；Weft 只打开普通文件</translation>
    </message>
    <message>
        <location line="+18" />
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../core/tracestreamreader.cpp" line="-233" />
        <source>at byte %1: unknown block type %2</source>
        <translation>第 %1 字节处：未知的块类型 %2</translation>
    </message>
    <message>
        <location line="+16" />
        <source>at byte %1: an events block of %2 events holds %3 bytes</source>
        <translation>第 %1 字节处：含 %2 个事件的事件块却有 %3 个字节</translation>
    </message>
    <message>
        <location line="+13" />
        <source>at byte %1: %2 unexpected bytes after the end block</source>
        <translation>第 %1 字节处：结束块之后有 %2 个多余的字节</translation>
    </message>
    <message>
        <location line="+4" />
        <source>at byte %1: the end block counts %2 events, the file has %3</source>
        <translation>第 %1 字节处：结束块记有 %2 个事件，文件中却有 %3 个</translation>
    </message>
    <message>
        <location line="+53" />
        <source>%1 id %2 does not exist and is not the next one (%3)</source>
        <translation>%1 的编号 %2 不存在，也不是下一个编号（%3）</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+95" />
        <source>the file lists more than %1 %2</source>
        <translation>文件列出的 %2 超过 %1 个</translation>
    </message>
    <message>
        <location line="-81" />
        <source>%1 count %2 is larger than its block</source>
        <translation>%1 的数量 %2 超出了所在块的大小</translation>
    </message>
    <message>
        <location line="+139" />
        <source>%1 unexpected bytes at the end of a block</source>
        <translation>块末尾有 %1 个多余的字节</translation>
    </message>
    <message>
        <location line="+29" />
        <source>event %1: %2</source>
        <translation>事件 %1：%2</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+47" />
        <source>loading was cancelled</source>
        <translation>加载已取消</translation>
    </message>
    <message numerus="yes">
        <location line="+37" />
        <source>the recording was cut short after %Ln event(s); the rest was lost</source>
        <translation>
            <numerusform>录制在 %Ln 个事件后被截断；其余部分已丢失</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::TraceLoader</name>
    <message>
        <location filename="../../core/interchange/traceloader.cpp" line="+39" />
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+57" />
        <location line="+6" />
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>weft::Tracing</name>
    <message>
        <location filename="../../core/tracing.cpp" line="+22" />
        <source>print "%1"</source>
        <translation>print "%1"</translation>
    </message>
    <message>
        <location line="+8" />
        <source>sleep %1 ms</source>
        <translation>休眠 %1 ms</translation>
    </message>
</context>
<context>
    <name>weft::WorkerHost</name>
    <message>
        <location filename="../../core/process/workerhost.cpp" line="+72" />
        <source>missing role. Worker mode is how Weft starts its own child processes; roles: %1</source>
        <translation>缺少角色。工作模式是 Weft 启动自身子进程的方式；角色：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>unknown role '%1'; roles: %2</source>
        <translation>未知角色“%1”；可用角色：%2</translation>
    </message>
    <message>
        <location line="+13" />
        <source>--endpoint needs FD:NAME[,NAME], with FD &gt;= %1</source>
        <translation>--endpoint 需要 FD:NAME[,NAME]，且 FD &gt;= %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>descriptor %1 given with --endpoint is not an open socket</source>
        <translation>通过 --endpoint 给出的描述符 %1 不是已打开的套接字</translation>
    </message>
    <message>
        <location line="+6" />
        <source>unexpected argument '%1' for role %2</source>
        <translation>角色 %2 的意外参数“%1”</translation>
    </message>
    <message>
        <location line="+6" />
        <source>role %1: %2</source>
        <translation>角色 %1：%2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no event stream on descriptor %1: worker mode is started by Weft itself, not by hand</source>
        <translation>描述符 %1 上没有事件流：工作模式由 Weft 自己启动，而不是手动启动</translation>
    </message>
</context>
<context>
    <name>weft::app::CommandLine</name>
    <message>
        <location filename="../../app/commandline.cpp" line="+92" />
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+30" />
        <location filename="../../app/comparecommand.cpp" line="+100" />
        <source>Run 'weft --help' for usage.</source>
        <translation>运行 'weft --help' 查看用法。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Weft runs real concurrency and network scenarios — threads, locks, processes, sockets — and draws what they did on a timeline.
Without options it opens the main window.
'weft record [options] -- COMMAND [ARGS…]' records a program of your own (see 'weft record --help').</source>
        <translation>Weft 运行真实的并发与网络场景——线程、锁、进程、套接字——并把它们的行为绘制在时间线上。
不带选项时，它会打开主窗口。
“weft record [选项] -- 命令 [参数…]”录制你自己的程序（见“weft record --help”）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>List the scenarios (id and title).</source>
        <translation>列出场景（id 和标题）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Run the scenario &lt;id&gt; headless.</source>
        <translation>以无界面方式运行场景 &lt;id&gt;。</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+77" />
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="-75" />
        <source>Set a scenario parameter (repeatable).</source>
        <translation>设置场景参数（可重复）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>key=value</source>
        <translation>key=value</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop the run after &lt;ms&gt; milliseconds.</source>
        <translation>&lt;ms&gt; 毫秒后停止运行。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+2" />
        <location line="+3" />
        <location line="+44" />
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="-48" />
        <source>Open the trace &lt;file&gt;.</source>
        <translation>打开轨迹 &lt;file&gt;。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export a picture of the trace to &lt;file&gt; (.png, .svg, .pdf).</source>
        <translation>将轨迹的图片导出到 &lt;file&gt;（.png、.svg、.pdf）。</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+5" />
        <source>pixels</source>
        <translation>pixels</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Colours of the exported picture: light or dark.</source>
        <translation>导出图片的配色：light（浅色）或 dark（深色）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>light|dark</source>
        <translation>light|dark</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text size of the exported picture in percent (100 to 250); lanes grow with it.</source>
        <translation>导出图片的文字大小，以百分比表示（100 到 250）；泳道随之变高。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What the exported picture shows: timeline (the default) or sequence (the sockets' and messages' sequence diagram).</source>
        <translation>导出的图片显示什么：timeline（默认，时间线）或 sequence（套接字和消息的时序图）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>timeline|sequence</source>
        <translation>timeline|sequence</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Axis of the exported picture: time, or steps (each event in its own column, in the order it happened).</source>
        <translation>导出图片的横轴：time（时间），或 steps（步骤：每个事件按发生顺序各占一列）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>time|steps</source>
        <translation>time|steps</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Rerun the stepped run saved in the .weft &lt;file&gt;, granting its recorded schedule step by step so the same interleaving happens again. Takes the scenario and parameters from the file (--run and --param must agree with / override them).</source>
        <translation>重新运行保存在 .weft &lt;file&gt; 中的单步运行：按记录的调度逐步放行，使同样的线程交错再次发生。场景和参数取自该文件（--run 必须与之一致，--param 可覆盖其中的参数）。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Let --replay connect to the host the file names when it is not this machine (127.0.0.1, ::1, localhost).</source>
        <translation>允许 --replay 连接文件中指定的主机，即使它不是本机（127.0.0.1、::1、localhost）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Let a --replay whose schedule diverged run on freely instead of stopping it.</source>
        <translation>调度出现偏离时让 --replay 继续自由运行，而不是停止它。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Compare two runs: 'weft --compare A B' shows the traces A and B (.weft or Chrome JSON) one above the other on one time scale; with --export FILE, draws them into FILE.</source>
        <translation>比较两次运行：'weft --compare A B' 将轨迹 A 和 B（.weft 或 Chrome JSON）上下排列在同一时间轴上显示；加上 --export FILE 时，将它们绘制到 FILE。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Run the lesson &lt;id&gt; in C++ and then its Python twin (ids ending in .py), with the same --param values where the twin has them, and compare the two runs; with --export FILE, draws them into FILE.</source>
        <translation>先运行课程 &lt;id&gt; 的 C++ 版本，再运行对应的 Python 版本（id 以 .py 结尾），Python 版本具有的参数使用相同的 --param 值，然后比较两次运行；加上 --export FILE 时把它们绘制到 FILE 中。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>unexpected argument '%1'</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <location line="+10" />
        <source>--view needs --export</source>
        <translation>--view 需要与 --export 一起使用</translation>
    </message>
    <message>
        <location line="+6" />
        <source>--theme and --font-scale need --export</source>
        <translation>--theme 和 --font-scale 需要与 --export 一起使用</translation>
    </message>
    <message>
        <location line="+4" />
        <source>--axis needs --export</source>
        <translation>--axis 需要与 --export 一起使用</translation>
    </message>
    <message>
        <location line="+8" />
        <source>--compare-twin takes --param and --export; not --compare, --run, --open, --timeout or --trace-out</source>
        <translation>--compare-twin 可以与 --param 和 --export 一起使用，不能与 --compare、--run、--open、--timeout 或 --trace-out 一起使用</translation>
    </message>
    <message>
        <location line="+22" />
        <source>--timeout must be a positive number of milliseconds</source>
        <translation>--timeout 必须是正的毫秒数</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--allow-remote and --continue-on-divergence need --replay</source>
        <translation>--allow-remote 和 --continue-on-divergence 需要与 --replay 一起使用</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--replay and --open cannot be combined</source>
        <translation>--replay 不能与 --open 同时使用</translation>
    </message>
    <message numerus="yes">
        <location line="+299" />
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln 个事件</numerusform>
        </translation>
    </message>
    <message>
        <location line="-448" />
        <source>Write the run's (or the opened) trace to &lt;file&gt; (.weft, or .json for Perfetto).</source>
        <translation>将运行（或打开）的轨迹写入 &lt;file&gt;（.weft，或供 Perfetto 使用的 .json）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Shape of the exported picture: fit (the default: 1600 px wide at 100 % text, 16:9 when the scene is small), slide-16x9 (1920 × 1080), slide-4x3 (1440 × 1080), a4 or letter (a landscape PDF page), or custom.</source>
        <translation>导出图片的版式：fit（默认：文字 100% 时宽 1600 像素，内容较少时为 16:9）、slide-16x9（1920 × 1080）、slide-4x3（1440 × 1080）、a4 或 letter（横向 PDF 页面），或 custom。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Width of the exported picture in pixels (a custom size; without it the width follows the text size).</source>
        <translation>导出图片的宽度（像素；自定义尺寸。不指定时宽度随文字大小变化）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Height of the exported picture in pixels (a custom size; lanes grow to fill it). Without it the picture is as tall as its lanes need.</source>
        <translation>导出图片的高度（像素；自定义尺寸，泳道会拉高以填满）。不指定时图片高度恰好容纳所有泳道。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export only the time from START to END, in milliseconds from the start of the run (e.g. 500:2000).</source>
        <translation>只导出从 START 到 END 的时间段，单位为从运行开始算起的毫秒（例如 500:2000）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>start:end</source>
        <translation>start:end</translation>
    </message>
    <message>
        <location line="+85" />
        <source>--preset, --width, --height and --range need --export</source>
        <translation>--preset、--width、--height 和 --range 需要配合 --export 使用</translation>
    </message>
    <message>
        <location line="+52" />
        <source>--param and --timeout need --run; --trace-out needs --run or --open</source>
        <translation>--param 和 --timeout 需要 --run；--trace-out 需要 --run 或 --open</translation>
    </message>
    <message>
        <location line="+2" />
        <source>--export needs --run or --open</source>
        <translation>--export 需要配合 --run 或 --open 使用</translation>
    </message>
    <message>
        <location line="+17" />
        <source>cannot replay: %1</source>
        <translation>无法重放：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>cannot replay %1: it holds no schedule (only a run made in step mode records one)</source>
        <translation>无法重放 %1：文件中没有调度（只有在单步模式下进行的运行才会记录调度）</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 was recorded from scenario '%2', not '%3'</source>
        <translation>%1 记录的是场景“%2”，而不是“%3”</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cannot replay %1: unknown scenario '%2'</source>
        <translation>无法重放 %1：未知场景“%2”</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1 would connect to %2, which is not this machine; run it again with --allow-remote to allow that</source>
        <translation>%1 会连接到 %2，它不是本机；如要允许，请加上 --allow-remote 重新运行</translation>
    </message>
    <message>
        <location line="+18" />
        <source>unknown scenario '%1'; known scenarios: %2</source>
        <translation>未知场景“%1”；已知场景：%2</translation>
    </message>
    <message>
        <location line="+31" />
        <location line="+60" />
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="-24" />
        <source>Replayed %n recorded step(s).</source>
        <translation>
            <numerusform>已重放 %n 个记录的步骤。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>cancelled by %1</source>
        <translation>被 %1 取消</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+27" />
        <source>Trace written to %1.</source>
        <translation>轨迹已写入 %1。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>weft: %1: problems that did not stop the load: %2</source>
        <translation>weft：%1：未阻止加载的问题：%2 个</translation>
    </message>
    <message>
        <location line="+8" />
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <location line="+24" />
        <location filename="../../app/comparecommand.cpp" line="+20" />
        <source>Picture written to %1.</source>
        <translation>图片已写入 %1。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Ran for %1 on %2; %3 recorded, %4 dropped.</source>
        <translation>在 %2上运行了 %1；记录了 %3，丢弃了 %4 个。</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n lane(s)</source>
        <translation>
            <numerusform>%n 条泳道</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5" />
        <source>Outcome (%1): %2</source>
        <translation>结果（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../app/exportcommand.cpp" line="+30" />
        <source>--theme must be 'light' or 'dark', not '%1'</source>
        <translation>--theme 必须是 'light' 或 'dark'，而不是 '%1'</translation>
    </message>
    <message>
        <location line="+12" />
        <source>--font-scale must be a percentage from %1 to %2, not '%3'</source>
        <translation>--font-scale 必须是 %1 到 %2 之间的百分比，而不是 '%3'</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1 must be a number of pixels between %2 and %3, not '%4'</source>
        <translation>%1 必须是 %2 到 %3 之间的像素数，而不是 '%4'</translation>
    </message>
    <message>
        <location line="+28" />
        <source>--axis must be 'time' or 'steps', not '%1'</source>
        <translation>--axis 必须是 'time' 或 'steps'，而不是 '%1'</translation>
    </message>
    <message>
        <location line="+23" />
        <source>--preset must be one of %1, not '%2'</source>
        <translation>--preset 必须是 %1 之一，而不是 '%2'</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--width and --height set a size of your own: use them without --preset or with --preset custom, not with --preset %1</source>
        <translation>--width 和 --height 用于自定义尺寸：请不加 --preset 或配合 --preset custom 使用，不能与 --preset %1 同用</translation>
    </message>
    <message>
        <location line="+10" />
        <source>--range must be START_MS:END_MS, milliseconds from the start of the run with START below END (e.g. 500:2000), not '%1'</source>
        <translation>--range 必须是 START_MS:END_MS，即从运行开始算起的毫秒数，且 START 小于 END（例如 500:2000），而不是 '%1'</translation>
    </message>
    <message>
        <location line="+16" />
        <source>--range starts at %1 ms, after the end of the run (%2 ms)</source>
        <translation>--range 从 %1 ms 开始，晚于运行结束（%2 ms）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>--view must be 'timeline' or 'sequence', not '%1'</source>
        <translation>--view 必须是“timeline”或“sequence”，而不是“%1”</translation>
    </message>
    <message>
        <location filename="../../app/comparecommand.cpp" line="-58" />
        <source>--compare needs two trace files, e.g. weft --compare a.weft b.weft --export cmp.png (got %1)</source>
        <translation>--compare 需要两个轨迹文件，例如 weft --compare a.weft b.weft --export cmp.png（收到 %1 个）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--compare takes --width, --theme and --font-scale; not --preset, --height or --range</source>
        <translation>--compare 可以与 --width、--theme 和 --font-scale 一起使用，不能与 --preset、--height 或 --range 一起使用</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: the trace has no events; there is nothing to compare</source>
        <translation>%1：该轨迹没有事件，无可比较</translation>
    </message>
    <message>
        <location line="+45" />
        <source>--compare-twin takes --param, --width, --theme and --font-scale; not --preset, --height or --range</source>
        <translation>--compare-twin 可以与 --param、--width、--theme 和 --font-scale 一起使用，不能与 --preset、--height 或 --range 一起使用</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown scenario '%1' (see weft --list)</source>
        <translation>未知场景“%1”（见 weft --list）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 has no Python twin; these have one: %2</source>
        <translation>%1 没有 Python 版本；以下课程有：%2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>a run recorded no events; there is nothing to compare</source>
        <translation>有一次运行没有记录到事件，无可比较</translation>
    </message>
</context>
<context>
    <name>weft::record::ChunkReader</name>
    <message>
        <location filename="../../core/record/chunkreader.cpp" line="+65" />
        <source>skipped %1: not a chunk name</source>
        <translation>已跳过 %1：不是数据块文件名</translation>
    </message>
    <message>
        <location line="+106" />
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>skipped %1: %2 bytes is not a chunk's size</source>
        <translation>已跳过 %1：%2 字节不是数据块的大小</translation>
    </message>
    <message>
        <location line="+17" />
        <source>skipped %1: not a Weft recording chunk (or another version)</source>
        <translation>已跳过 %1：不是 Weft 录制数据块（或版本不同）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 claims %2 records, holds %3: read what is there</source>
        <translation>%1 声称有 %2 条记录，实际只有 %3 条：只读取现有部分</translation>
    </message>
    <message>
        <location line="+34" />
        <source>%1: a record's text runs past the chunk's end</source>
        <translation>%1：某条记录的文本超出了数据块末尾</translation>
    </message>
</context>
<context>
    <name>weft::record::ProgramRecorder</name>
    <message>
        <location filename="../../core/record/programrecorder.cpp" line="+173" />
        <source>%1 is setuid/setgid: the system ignores LD_PRELOAD for it, so nothing can be recorded</source>
        <translation>%1 设置了 setuid/setgid：系统对它忽略 LD_PRELOAD，因此无法录制</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 is statically linked: LD_PRELOAD cannot reach its calls, so nothing can be recorded</source>
        <translation>%1 是静态链接的：LD_PRELOAD 无法拦截它的调用，因此无法录制</translation>
    </message>
    <message>
        <location line="+12" />
        <source>no command to record</source>
        <translation>没有要录制的命令</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: command not found</source>
        <translation>%1：找不到命令</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: not an executable program</source>
        <translation>%1：不是可执行程序</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the recording library %1 is missing (is Weft installed completely?)</source>
        <translation>缺少录制库 %1（Weft 是否完整安装？）</translation>
    </message>
    <message>
        <location line="+14" />
        <source>cannot create a recording directory: %1</source>
        <translation>无法创建录制目录：%1</translation>
    </message>
    <message>
        <location line="+90" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+62" />
        <source>the program's exit status could not be read</source>
        <translation>无法读取程序的退出状态</translation>
    </message>
    <message>
        <location line="+104" />
        <source>some events were dropped: the program recorded faster than Weft could copy its records (the trace says how many)</source>
        <translation>部分事件被丢弃：程序产生记录的速度超过了 Weft 复制的速度（轨迹中记有丢弃数量）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>no events were recorded from %1: is it statically linked or setuid, or did it clear LD_PRELOAD?</source>
        <translation>没有从 %1 录制到任何事件：它是静态链接或 setuid 的，还是清除了 LD_PRELOAD？</translation>
    </message>
</context>
<context>
    <name>weft::record::RecordingDecoder</name>
    <message>
        <location filename="../../core/record/recordingdecoder.cpp" line="+273" />
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>main</source>
        <translation>主线程</translation>
    </message>
    <message>
        <location line="+23" />
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <location line="+65" />
        <location line="+291" />
        <source>fd %1 of %2</source>
        <translation>%2 的描述符 %1</translation>
    </message>
    <message>
        <location line="-151" />
        <location line="+525" />
        <source>gave up waiting for %1</source>
        <translation>放弃等待 %1</translation>
    </message>
    <message>
        <location line="-495" />
        <source>barrier</source>
        <translation>屏障</translation>
    </message>
    <message>
        <location line="+49" />
        <source>exec %1</source>
        <translation>exec %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>exec failed: %1</source>
        <translation>exec 失败：%1</translation>
    </message>
    <message>
        <location line="+54" />
        <source>pipe %1</source>
        <translation>管道 %1</translation>
    </message>
    <message>
        <location line="+20" />
        <source>close fd %1</source>
        <translation>关闭描述符 %1</translation>
    </message>
    <message>
        <location line="+35" />
        <source>socket → fd %1</source>
        <translation>socket → 描述符 %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>bind %1</source>
        <translation>bind %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>listen(%1)</source>
        <translation>listen(%1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location line="+6" />
        <source>accept → fd %1</source>
        <translation>accept → 描述符 %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>connect %1</source>
        <translation>connect %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>connecting (the answer comes later)</source>
        <translation>正在连接（结果稍后才有）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+1" />
        <source>connect failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>shutdown</source>
        <translation>shutdown</translation>
    </message>
    <message>
        <location line="+26" />
        <source>More than 65535 distinct source lines: later lines are not shown.</source>
        <translation>不同的源代码行超过 65535 行：之后的行不再显示。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <location line="+0" />
        <source>GIL of %1</source>
        <translation>%1 的 GIL</translation>
    </message>
    <message>
        <location line="+335" />
        <source>an unknown end</source>
        <translation>未知的一端</translation>
    </message>
    <message>
        <location line="+3" />
        <source>end %1</source>
        <translation>端点 %1</translation>
    </message>
    <message>
        <location line="+25" />
        <source>drop request: %1 asks for the GIL</source>
        <translation>释放请求：%1 请求 GIL</translation>
    </message>
    <message>
        <location line="+51" />
        <source>killed when the recording stopped</source>
        <translation>录制停止时被终止</translation>
    </message>
    <message>
        <location line="+20" />
        <source>still running</source>
        <translation>仍在运行</translation>
    </message>
    <message>
        <location line="+12" />
        <source>stopped at the timeout</source>
        <translation>在超时时被停止</translation>
    </message>
    <message>
        <location line="+4" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+4" />
        <source>could not be started</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location line="+17" />
        <source>deadlock: %1</source>
        <translation>死锁：%1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>threads: %1</source>
        <translation>线程：%1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>processes: %1</source>
        <translation>进程：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lock waits: %1</source>
        <translation>锁等待：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>packets: %1 (%2 bytes)</source>
        <translation>数据包：%1（%2 字节）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1; %2.</source>
        <translation>%1；%2。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Deadlock: %1.</source>
        <translation>死锁：%1。</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Recorded: %1</source>
        <translation>录制：%1</translation>
    </message>
    <message>
        <location line="+38" />
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <location line="+2" />
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>exited with status %1</source>
        <translation>以状态 %1 退出</translation>
    </message>
</context>
<context>
    <name>weft::record::RingDrainer</name>
    <message>
        <location filename="../../core/record/ringdrainer.cpp" line="+353" />
        <source>%1 has time-stamp counter times this machine cannot convert</source>
        <translation>%1 含有本机无法换算的时间戳计数器时间</translation>
    </message>
    <message>
        <location line="+47" />
        <source>skipped %1: not a usable recording ring</source>
        <translation>已跳过 %1：不是可用的录制环形缓冲区</translation>
    </message>
    <message>
        <location line="+20" />
        <source>cannot create a chunk file in %1: %2</source>
        <translation>无法在 %1 中创建数据块文件：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>no room for the recording in %1</source>
        <translation>%1 中没有足够空间保存录制</translation>
    </message>
    <message>
        <location line="+53" />
        <source>%1: the ring's positions make no sense (the program wrote over them?): the rest of this thread is lost</source>
        <translation>%1：环形缓冲区的位置无效（程序覆盖了它们？）：该线程其余的记录丢失</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1: a record's text runs past what was written</source>
        <translation>%1：某条记录的文本超出了已写入的部分</translation>
    </message>
</context>
<context>
    <name>weft::record::StreamingDecoder</name>
    <message>
        <location filename="../../core/record/streamingdecoder.cpp" line="+72" />
        <source>the trace could not be written: %1</source>
        <translation>无法写入跟踪文件：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+121" />
        <source>%n record(s) reached Weft late and were decoded out of order</source>
        <translation>
            <numerusform>有 %n 条记录迟到，未按时间顺序解码</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::CodePanel</name>
    <message>
        <location filename="../../ui/panels/codepanel.cpp" line="+56" />
        <source>The source of %1 is not embedded in this build.</source>
        <translation>此版本中没有嵌入 %1 的源代码。</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Source not available: %1</source>
        <translation>源代码不可用：%1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Source not available: %1 is not on this computer.</source>
        <translation>源代码不可用：本机上没有 %1。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Source not shown: %1 is not a regular file.</source>
        <translation>未显示源代码：%1 不是普通文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Source not shown: %1 is larger than %2 MB.</source>
        <translation>未显示源代码：%1 大于 %2 MB。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Source not readable: %1 (%2).</source>
        <translation>无法读取源代码：%1（%2）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Source not shown: %1 is not a text file.</source>
        <translation>未显示源代码：%1 不是文本文件。</translation>
    </message>
    <message>
        <location line="-62" />
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No source to show.</source>
        <translation>没有可显示的源代码。</translation>
    </message>
</context>
<context>
    <name>weft::ui::CompareController</name>
    <message>
        <location filename="../../ui/compare/comparecontroller.cpp" line="+30" />
        <source>Compare &amp;With…</source>
        <translation>与其他轨迹比较(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;Both</source>
        <translation>两种都运行(&amp;B)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run Both: C++ and &amp;Python</source>
        <translation>两种都运行：C++ 与 Python(&amp;P)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Show the trace on screen beside another trace file, on one time scale</source>
        <translation>将屏幕上的轨迹与另一个轨迹文件放在同一时间轴上对照显示</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run the scenario twice, once per value of its mode or switch, and show both runs on one time scale</source>
        <translation>将场景运行两次，模式或开关各取一个值，并在同一时间轴上显示这两次运行</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Run the lesson in C++ and its Python twin with the same parameters, and show both runs on one time scale</source>
        <translation>用相同的参数运行该课程的 C++ 版本和对应的 Python 版本，并在同一时间轴上显示两次运行</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Compare Two Runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Compare With</source>
        <translation>与其他轨迹比较</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Traces (*.weft *.json);;All files (*)</source>
        <translation>轨迹 (*.weft *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Run a scenario or open a trace first: it is compared with the file you pick.</source>
        <translation>请先运行一个场景或打开一个轨迹：它将与你选择的文件进行比较。</translation>
    </message>
    <message>
        <location line="+50" />
        <source>%1 has no Python twin to compare with.</source>
        <translation>%1 没有可供比较的 Python 版本。</translation>
    </message>
    <message>
        <location line="-60" />
        <source>%1: the trace has no events; there is nothing to compare</source>
        <translation>%1：该轨迹没有事件，无可比较</translation>
    </message>
    <message>
        <location line="+38" />
        <location line="+17" />
        <source>A run is going: wait for it to end, or cancel it, then run both.</source>
        <translation>有一次运行正在进行：请等它结束或取消它，然后再运行两种。</translation>
    </message>
    <message>
        <location line="-13" />
        <source>%1 has no mode or switch to compare.</source>
        <translation>%1 没有可比较的模式或开关。</translation>
    </message>
</context>
<context>
    <name>weft::ui::CompareExporter</name>
    <message>
        <location filename="../../ui/compare/compareexporter.cpp" line="+35" />
        <source>a run to compare has no events; there is nothing to draw</source>
        <translation>要比较的一次运行没有事件，无可绘制</translation>
    </message>
</context>
<context>
    <name>weft::ui::CompareWindow</name>
    <message>
        <location filename="../../ui/compare/comparewindow.cpp" line="+24" />
        <source>Compare Two Runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Fit All</source>
        <translation>适应全部</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export Picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Align by Steps</source>
        <translation>按步骤对齐</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Put step N of one run above step N of the other: each event in its own column, in the order it happened, the time in between left out (Ctrl+Shift+T)</source>
        <translation>把一次运行的第 N 步放在另一次运行的第 N 步正上方：每个事件按发生顺序各占一列，略去其间的时间（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <location line="+34" />
        <source>there is nothing to compare</source>
        <translation>没有可比较的内容</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+6" />
        <source>Export Comparison</source>
        <translation>导出比较图</translation>
    </message>
    <message>
        <location line="-5" />
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 绘图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>weft::ui::DeadlockPass</name>
    <message>
        <location filename="../../ui/timeline/deadlockpass.cpp" line="+36" />
        <source>%1 waits for %2 to finish</source>
        <translation>%1 等待 %2 结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 waits for %2 (held by %3)</source>
        <translation>%1 等待 %2（被 %3 持有）</translation>
    </message>
    <message>
        <location line="+120" />
        <source>deadlock</source>
        <translation>死锁</translation>
    </message>
</context>
<context>
    <name>weft::ui::EventDetailsModel</name>
    <message>
        <location filename="../../ui/models/eventdetailsmodel.cpp" line="+19" />
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+145" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 after the start</source>
        <translation>开始后 %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source> (thread id %1)</source>
        <translation>（线程 id %1）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lane</source>
        <translation>泳道</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-87" />
        <location line="+158" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/eventkindtext.cpp" line="+22" />
        <source>thread starts</source>
        <translation>线程开始</translation>
    </message>
    <message>
        <location line="+2" />
        <source>thread ends</source>
        <translation>线程结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>process starts</source>
        <translation>进程启动</translation>
    </message>
    <message>
        <location line="+2" />
        <source>process exits</source>
        <translation>进程退出</translation>
    </message>
    <message>
        <location line="+2" />
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+2" />
        <source>starts sleeping</source>
        <translation>开始休眠</translation>
    </message>
    <message>
        <location line="+2" />
        <source>wakes up</source>
        <translation>醒来</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waits for a lock</source>
        <translation>等待锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>acquires a lock</source>
        <translation>获得锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>releases a lock</source>
        <translation>释放锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>starts waiting in join()</source>
        <translation>开始在 join() 中等待</translation>
    </message>
    <message>
        <location line="+2" />
        <source>join() returns</source>
        <translation>join() 返回</translation>
    </message>
    <message>
        <location line="+2" />
        <source>starts waiting on I/O</source>
        <translation>开始等待 I/O</translation>
    </message>
    <message>
        <location line="+2" />
        <source>I/O wait ends</source>
        <translation>I/O 等待结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>sends bytes</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>receives bytes</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <location line="+2" />
        <source>sends a message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location line="+2" />
        <source>receives a message</source>
        <translation>接收消息</translation>
    </message>
    <message>
        <location line="+2" />
        <source>counter changes</source>
        <translation>计数器变化</translation>
    </message>
    <message>
        <location line="+2" />
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2" />
        <source>mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+2" />
        <source>phase begins</source>
        <translation>阶段开始</translation>
    </message>
    <message>
        <location line="+2" />
        <source>phase ends</source>
        <translation>阶段结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waits on a condition</source>
        <translation>等待条件变量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>woken from a condition wait</source>
        <translation>从条件变量等待中被唤醒</translation>
    </message>
    <message>
        <location line="+2" />
        <source>notifies a condition</source>
        <translation>通知条件变量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>socket call</source>
        <translation>套接字调用</translation>
    </message>
    <message>
        <location line="+2" />
        <source>starts another thread</source>
        <translation>启动另一个线程</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waits for your step</source>
        <translation>等待你让它走下一步</translation>
    </message>
    <message>
        <location filename="../../ui/models/eventdetailsmodel.cpp" line="-208" />
        <source>Native thread id</source>
        <translation>原生线程 id</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Process id</source>
        <translation>进程 id</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sleeps for</source>
        <translation>休眠时长</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Joined thread</source>
        <translation>被 join 的线程</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Started thread</source>
        <translation>启动的线程</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiters woken</source>
        <translation>被唤醒的等待者</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+7" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="-6" />
        <source>%1 (still open when the trace ended)</source>
        <translation>%1（追踪结束时仍未结束）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Held by</source>
        <translation>持有者</translation>
    </message>
    <message>
        <location line="+36" />
        <source>%1 (still waiting when the trace ended)</source>
        <translation>%1（跟踪结束时仍在等待）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 for %2 to end</source>
        <translation>%1，等待 %2 结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 on %2</source>
        <translation>%1，等待 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 on %2, held by %3 (acquired at line %4)</source>
        <translation>%1，等待 %2，它由 %3 持有（在第 %4 行获得）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 on %2, held by %3</source>
        <translation>%1，等待 %2，它由 %3 持有</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <location line="+11" />
        <source>unblocked by %1: %2 (line %3)</source>
        <translation>解除阻塞者 %1：%2（第 %3 行）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unblocked by %1: %2</source>
        <translation>解除阻塞者 %1：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unblocked by</source>
        <translation>解除阻塞的是</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 at %3 (line %4)</source>
        <translation>%1：%3 时%2（第 %4 行）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 at %3</source>
        <translation>%1：%3 时%2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+6" />
        <source>Args</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Source</source>
        <translation>源代码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+0" />
        <source>abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0" />
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>weft::ui::EventDetailsPanel</name>
    <message>
        <location filename="../../ui/panels/eventdetailspanel.cpp" line="+17" />
        <source>Click an event on the timeline, or step to one, to see its details.</source>
        <translation>点击时间线上的事件，或单步到某个事件，即可查看其详细信息。</translation>
    </message>
</context>
<context>
    <name>weft::ui::EventSearch</name>
    <message>
        <location filename="../../ui/models/eventsearch.cpp" line="+68" />
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>weft::ui::ExportDialog</name>
    <message>
        <location filename="../../ui/panels/exportdialog.cpp" line="+40" />
        <source>The whole run</source>
        <translation>整个运行过程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What the timeline shows now</source>
        <translation>时间线当前显示的部分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw the playhead</source>
        <translation>绘制播放头</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+170" />
        <source>Export Picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location line="-169" />
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Fit the scene: as wide as the text size needs, 16:9 when there are few lanes. A4 and Letter make a landscape PDF page of that paper.</source>
        <translation>适应内容：宽度随文字大小而定，泳道较少时为 16:9。A4 和 Letter 会生成该纸张大小的横向 PDF 页面。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1× (for %2)</source>
        <translation>%1×（适用于%2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location line="+0" />
        <source>slides and print</source>
        <translation>幻灯片和打印</translation>
    </message>
    <message>
        <location line="+4" />
        <source>As on screen</source>
        <translation>与屏幕相同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light suits printed pages and most slides; dark suits dark slides.</source>
        <translation>浅色适合打印和大多数幻灯片；深色适合深色背景的幻灯片。</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+7" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+1" />
        <source>As tall as the lanes need</source>
        <translation>按泳道所需高度</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The trace's title and outcome</source>
        <translation>轨迹的标题和结果</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PNG scale:</source>
        <translation>PNG 缩放：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+117" />
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The marked range (%1)</source>
        <translation>标记的范围（%1）</translation>
    </message>
</context>
<context>
    <name>weft::ui::ExportPreset</name>
    <message>
        <location filename="../../ui/export/exportpreset.cpp" line="+63" />
        <source>Fit the scene (16:9 when it is small)</source>
        <translation>适应内容（内容较少时为 16:9）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Slide 16:9 (%1 × %2)</source>
        <translation>幻灯片 16:9（%1 × %2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Slide 4:3 (%1 × %2)</source>
        <translation>幻灯片 4:3（%1 × %2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A4 page, landscape</source>
        <translation>A4 纸，横向</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Letter page, landscape</source>
        <translation>Letter 纸，横向</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
</context>
<context>
    <name>weft::ui::FlowPass</name>
    <message>
        <location filename="../../ui/timeline/flowpass.cpp" line="+567" />
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+47" />
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
</context>
<context>
    <name>weft::ui::GettingStartedDialog</name>
    <message>
        <location filename="../../ui/help/gettingstarteddialog.cpp" line="+17" />
        <source>Getting started with Weft</source>
        <translation>Weft 入门</translation>
    </message>
</context>
<context>
    <name>weft::ui::InstantPass</name>
    <message>
        <location filename="../../ui/timeline/instantpass.cpp" line="+91" />
        <source>killed: its process exited</source>
        <translation>被终止：所在进程已退出</translation>
    </message>
</context>
<context>
    <name>weft::ui::LabelPass</name>
    <message>
        <location filename="../../ui/timeline/labelpass.cpp" line="+41" />
        <location filename="../../ui/timeline/timelinemodel.cpp" line="+340" />
        <source> · daemon</source>
        <translation> · 守护线程</translation>
    </message>
    <message numerus="yes">
        <location line="+37" />
        <source>%1 — %n thread(s)</source>
        <translation>
            <numerusform>%1 — %n 个线程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::LegendPass</name>
    <message>
        <location filename="../../ui/timeline/legendpass.cpp" line="+187" />
        <source>holds %1</source>
        <translation>持有 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>starts a thread</source>
        <translation>启动线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>thread ended → join returns</source>
        <translation>线程结束 → join 返回</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waits for the lock's owner</source>
        <translation>等待锁的持有者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>packet (bytes)</source>
        <translation>数据包（字节）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1" />
        <source>notify → wake</source>
        <translation>notify → 唤醒</translation>
    </message>
    <message>
        <location line="+8" />
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lost update</source>
        <translation>丢失更新</translation>
    </message>
    <message>
        <location line="+2" />
        <source>asks for the GIL (drop request)</source>
        <translation>请求 GIL（释放请求）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>drops the GIL on request</source>
        <translation>应请求释放 GIL（强制切换）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>deadlock detected</source>
        <translation>检测到死锁</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+1" />
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2" />
        <source>killed when its process exited</source>
        <translation>随所在进程退出而被终止</translation>
    </message>
</context>
<context>
    <name>weft::ui::LoadProgressBar</name>
    <message>
        <location filename="../../ui/panels/loadprogressbar.cpp" line="+25" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Stop opening the file and keep the trace shown (Esc)</source>
        <translation>停止打开文件，保留当前显示的追踪（Esc）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 MiB of %2 MiB read, %3 events</source>
        <translation>已读取 %1 MiB / %2 MiB，%3 个事件</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
</context>
<context>
    <name>weft::ui::LostUpdatePass</name>
    <message>
        <location filename="../../ui/timeline/lostupdatepass.cpp" line="+89" />
        <source>%1 overwrote %2's write: an update is lost</source>
        <translation>%1 覆盖了 %2 写入的值：一次更新丢失了</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 overwrote another thread's write: an update is lost</source>
        <translation>%1 覆盖了另一个线程写入的值：一次更新丢失了</translation>
    </message>
</context>
<context>
    <name>weft::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+79" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+550" />
        <location line="+29" />
        <source>Weft</source>
        <translation>Weft</translation>
    </message>
    <message>
        <location line="-561" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Event Details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Step Mode</source>
        <translation>单步模式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Breakdown</source>
        <translation>分布</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time Breakdown</source>
        <translation>时间分布</translation>
    </message>
    <message>
        <location line="+68" />
        <source>The language changes when Weft starts next time.</source>
        <translation>语言将在下次启动 Weft 时生效。</translation>
    </message>
    <message>
        <location line="+52" />
        <source>The replay left its schedule: %1 You are stepping by hand from here.</source>
        <translation>重放偏离了调度：%1 从这里开始由你手动单步。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+73" />
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Select a scenario to run first.</source>
        <translation>请先选择要运行的场景。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>This trace's run connects to %1, not to this computer. Replay it and connect there?</source>
        <translation>这个轨迹的运行会连接到 %1，而不是本机。要重放并连接到那里吗？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not replayed: it would connect to %1.</source>
        <translation>未重放：它会连接到 %1。</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+3" />
        <source>Replay Schedule</source>
        <translation>重放调度</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+95" />
        <location line="+81" />
        <source>%1 — Weft</source>
        <translation>%1 — Weft</translation>
    </message>
    <message>
        <location line="-175" />
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Finished in %1; press Space to replay.</source>
        <translation>用时 %1 完成；按空格键回放。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Cannot record</source>
        <translation>无法录制</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Recording: %1</source>
        <translation>正在录制：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Recording %1… (Esc cancels and keeps what was recorded)</source>
        <translation>正在录制 %1…（按 Esc 取消并保留已录制的内容）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing was recorded.</source>
        <translation>没有录制到任何内容。</translation>
    </message>
    <message>
        <location line="+22" />
        <source>%1 has not run yet: press Run. (The run of %2 comes back when you choose it again.)</source>
        <translation>“%1”还没有运行：请按“运行”。（“%2”的运行结果会在你再次选择它时回来。）</translation>
    </message>
    <message>
        <location line="+95" />
        <location line="+4" />
        <location line="+20" />
        <location line="+38" />
        <location line="+28" />
        <source>Open Trace</source>
        <translation>打开轨迹</translation>
    </message>
    <message>
        <location line="-90" />
        <source>Cancel the running scenario before opening a trace.</source>
        <translation>请先取消正在运行的场景，再打开轨迹。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 is still opening; cancel it first.</source>
        <translation>%1 仍在打开中；请先取消。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+38" />
        <source>Could not open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location line="-25" />
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opened %1 (%2)</source>
        <translation>已打开 %1（%2）</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Opening %1 was cancelled</source>
        <translation>已取消打开 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+24" />
        <source>Save Trace</source>
        <translation>保存轨迹</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Could not save %1:
%2</source>
        <translation>无法保存 %1：
%2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Traces (%1 *.json);;All files (*)</source>
        <translation>轨迹 (%1 *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Weft traces (%1);;Chrome Trace JSON for Perfetto (*.json)</source>
        <translation>Weft 轨迹 (%1);;供 Perfetto 使用的 Chrome Trace JSON (*.json)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Export Picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1. Note: %2</source>
        <translation>%1。注意：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>About Weft</source>
        <translation>关于 Weft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;Weft %1&lt;/h3&gt;&lt;p&gt;A desktop lab for concurrency and network programming: real threads, locks, processes and sockets, recorded and replayed on a timeline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Weft %1&lt;/h3&gt;&lt;p&gt;一个用于学习并发与网络编程的桌面实验室：真实的线程、锁、进程和套接字，在时间线上记录并回放。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>weft::ui::OutputConsole</name>
    <message>
        <location filename="../../ui/panels/outputconsole.cpp" line="+32" />
        <source>Output of the scenario appears here.</source>
        <translation>场景的输出会显示在这里。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>weft::ui::ParameterForm</name>
    <message>
        <location filename="../../ui/panels/parameterform.cpp" line="+44" />
        <source>This scenario has no parameters.</source>
        <translation>该场景没有参数。</translation>
    </message>
</context>
<context>
    <name>weft::ui::PendingActionModel</name>
    <message>
        <location filename="../../ui/models/pendingactionmodel.cpp" line="+39" />
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+30" />
        <source>blocked: the lock is held by %1</source>
        <translation>受阻：锁被 %1 持有</translation>
    </message>
    <message>
        <location line="+1" />
        <source>blocked: %1 held by %2</source>
        <translation>受阻：%1 被 %2 持有</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  (%1)</source>
        <translation>  （%1）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  — blocked: %1 holds the lock</source>
        <translation>  — 阻塞：%1 持有该锁</translation>
    </message>
</context>
<context>
    <name>weft::ui::PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings/preferencesdialog.cpp" line="+33" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+1" />
        <source>One event per second</source>
        <translation>每秒一个事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Replay speed at start:</source>
        <translation>回放初始速度：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Timeline text size:</source>
        <translation>时间线文字大小：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Larger text makes lanes taller too, for projectors and slides. Exported pictures use the theme chosen here unless the export dialog says otherwise.</source>
        <translation>文字越大，泳道也随之变高，适合投影仪和幻灯片。导出的图片使用此处选择的主题，除非在导出对话框中另行指定。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>weft::ui::RecordDialog</name>
    <message>
        <location filename="../../ui/panels/recorddialog.cpp" line="+36" />
        <source>Record a Program</source>
        <translation>录制程序</translation>
    </message>
    <message>
        <location line="+3" />
        <source>e.g. ./my_program --threads 4   or   python3 script.py</source>
        <translation>例如 ./my_program --threads 4   或   python3 script.py</translation>
    </message>
    <message>
        <location line="+4" />
        <source>NAME=value, one per line</source>
        <translation>NAME=value，每行一个</translation>
    </message>
    <message>
        <location line="+3" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Working directory:</source>
        <translation>工作目录(&amp;W)：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Environment:</source>
        <translation>环境变量(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Weft runs the program with its recording library preloaded and draws its threads, locks, condition variables, sleeps, pipes, sockets and child processes. It works for dynamically linked programs (C, C++, Python…); Cancel (Esc) stops the whole process tree and keeps what was recorded.</source>
        <translation>Weft 预加载录制库来运行程序，并画出它的线程、锁、条件变量、休眠、管道、套接字和子进程。适用于动态链接的程序（C、C++、Python…）；取消（Esc）会结束整个进程树并保留已录制的内容。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Record</source>
        <translation>录制(&amp;R)</translation>
    </message>
    <message>
        <location line="+81" />
        <source>Type the command to record.</source>
        <translation>请输入要录制的命令。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A quote in the command is not closed.</source>
        <translation>命令中有未闭合的引号。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The working directory does not exist.</source>
        <translation>工作目录不存在。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Environment lines look like NAME=value: %1</source>
        <translation>环境变量的每一行应形如 NAME=value：%1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Working Directory</source>
        <translation>工作目录</translation>
    </message>
</context>
<context>
    <name>weft::ui::RecordSession</name>
    <message>
        <location filename="../../ui/models/recordsession.cpp" line="+25" />
        <source>A program is already being recorded.</source>
        <translation>已有一个程序正在录制。</translation>
    </message>
</context>
<context>
    <name>weft::ui::RestartOffer</name>
    <message>
        <location filename="../../ui/restartoffer.cpp" line="+35" />
        <source>Language Changed</source>
        <translation>语言已更改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weft shows the new language after a restart. Restart now?</source>
        <translation>Weft 重新启动后才会显示新的语言。现在重新启动吗？</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Restart Now</source>
        <translation>立即重新启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>weft::ui::RunBoth</name>
    <message>
        <location filename="../../ui/compare/runboth.cpp" line="+47" />
        <location line="+2" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+2" />
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="-2" />
        <location line="+2" />
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Running %1 (1 of 2)…</source>
        <translation>正在运行 %1（第 1 次，共 2 次）…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Running %1 (2 of 2)…</source>
        <translation>正在运行 %1（第 2 次，共 2 次）…</translation>
    </message>
</context>
<context>
    <name>weft::ui::RunComparison</name>
    <message>
        <location filename="../../ui/compare/runcomparison.cpp" line="+23" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+2" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+76" />
        <source>first run</source>
        <translation>第一次运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>second run</source>
        <translation>第二次运行</translation>
    </message>
    <message>
        <location line="+34" />
        <source>exact</source>
        <translation>结果准确</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 update lost</source>
        <translation>丢失 1 次更新</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 updates lost</source>
        <translation>丢失 %1 次更新</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1: %2 in %3; %4: %5 in %6</source>
        <translation>%1：%2，用时 %3；%4：%5，用时 %6</translation>
    </message>
    <message>
        <location line="+7" />
        <source> (%1 took %2× as long)</source>
        <translation>（%1 用时是另一次的 %2 倍）</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+3" />
        <source>Compare: %1</source>
        <translation>比较：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Compare: %1 / %2</source>
        <translation>比较：%1 / %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compare two runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>weft::ui::ScenarioPanel</name>
    <message>
        <location filename="../../ui/panels/scenariopanel.cpp" line="+34" />
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;C++</source>
        <translation>&amp;C++</translation>
    </message>
    <message>
        <location line="+0" />
        <source>P&amp;ython</source>
        <translation>P&amp;ython</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+111" />
        <source>This lesson has no Python version.</source>
        <translation>本课没有 Python 版本。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The same lesson as a Python script, run by the real python3</source>
        <translation>同一课的 Python 脚本版本，由真实的 python3 运行</translation>
    </message>
    <message>
        <location line="+79" />
        <source>A program you recorded. Run (Ctrl+R) records it again with the same working directory, environment and timeout; File ▸ Record a Program… (Ctrl+Shift+R) changes them.</source>
        <translation>你录制过的程序。运行（Ctrl+R）会以相同的工作目录、环境变量和超时再次录制；文件 ▸ 录制程序…（Ctrl+Shift+R）可以修改它们。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No scenario selected</source>
        <translation>未选择场景</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose a scenario from the list above to read what it shows and to run it.</source>
        <translation>从上方列表中选择一个场景，阅读它演示的内容并运行它。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cannot run on this computer: %1</source>
        <translation>无法在这台电脑上运行：%1</translation>
    </message>
</context>
<context>
    <name>weft::ui::ScenarioTreeModel</name>
    <message>
        <location filename="../../ui/models/scenariotreemodel.cpp" line="+82" />
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 cannot run here: %2</source>
        <translation>%1 无法在此运行：%2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: the same lesson as a Python script, run by the real python3</source>
        <translation>%1：同一课的 Python 脚本版本，由真实的 python3 运行</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Recorded</source>
        <translation>已录制</translation>
    </message>
</context>
<context>
    <name>weft::ui::SearchBar</name>
    <message>
        <location filename="../../ui/panels/searchbar.cpp" line="+134" />
        <source>no match</source>
        <translation>没有匹配</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Find events: a name, a lock, a thread, bytes…</source>
        <translation>查找事件：名称、锁、线程、字节数…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一个匹配（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next match (Enter, F3)</source>
        <translation>下一个匹配（Enter、F3）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
</context>
<context>
    <name>weft::ui::SelectionController</name>
    <message>
        <location filename="../../ui/selectioncontroller.cpp" line="+82" />
        <source>Range: %1 (Esc clears it)</source>
        <translation>范围：%1（按 Esc 清除）</translation>
    </message>
</context>
<context>
    <name>weft::ui::SelectionPass</name>
    <message numerus="yes">
        <location filename="../../ui/timeline/selectionpass.cpp" line="+116" />
        <source>%1 · %Ln event(s)</source>
        <translation>
            <numerusform>%1 · %Ln 个事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::SequenceDiagram</name>
    <message>
        <location filename="../../ui/sequence/sequencelabels.cpp" line="+31" />
        <source>bind</source>
        <translation>bind</translation>
    </message>
    <message>
        <location line="+2" />
        <source>listen</source>
        <translation>listen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>connect</source>
        <translation>connect</translation>
    </message>
    <message>
        <location line="+2" />
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location line="+2" />
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <location line="+2" />
        <source>shutdown</source>
        <translation>shutdown</translation>
    </message>
    <message>
        <location line="+10" />
        <source>connect → accept</source>
        <translation>connect → accept</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+3" />
        <source>send %1 B</source>
        <translation>send %1 字节</translation>
    </message>
    <message>
        <location line="-1" />
        <source>put %1 B</source>
        <translation>put %1 字节</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: %2</source>
        <comment>message verb and bytes, its tag</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+5" />
        <source>send %1 B (not received)</source>
        <translation>send %1 字节（未被接收）</translation>
    </message>
    <message>
        <location line="-3" />
        <location line="+6" />
        <source>recv %1 B</source>
        <translation>recv %1 字节</translation>
    </message>
    <message>
        <location line="-4" />
        <source>put %1 B (not taken)</source>
        <translation>put %1 字节（未被取走）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>get %1 B</source>
        <translation>get %1 字节</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 at %2 by %3</source>
        <translation>%3 在 %2 执行 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 from %2 to %3 at %4; received after %5</source>
        <translation>%1，从 %2 到 %3，发生于 %4；%5 后被接收</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This trace has no sockets or messages, so there is no sequence diagram to draw.</source>
        <translation>这条轨迹中没有套接字或消息，因此没有可绘制的时序图。</translation>
    </message>
</context>
<context>
    <name>weft::ui::SequenceDock</name>
    <message>
        <location filename="../../ui/sequence/sequencedock.cpp" line="+17" />
        <source>Sequence Diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Run or open a trace with sockets or messages to see its sequence diagram.</source>
        <translation>运行或打开一条带套接字或消息的轨迹，即可看到它的时序图。</translation>
    </message>
</context>
<context>
    <name>weft::ui::SequenceExporter</name>
    <message>
        <location filename="../../ui/sequence/sequenceexporter.cpp" line="+30" />
        <source>Weft trace</source>
        <translation>Weft 轨迹</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (sequence diagram)</source>
        <translation>%1（时序图）</translation>
    </message>
</context>
<context>
    <name>weft::ui::SequenceView</name>
    <message>
        <location filename="../../ui/sequence/sequenceview.cpp" line="+145" />
        <source>Run a scenario with sockets or messages (such as socket.server or process.queue) to see its sequence diagram.</source>
        <translation>运行一个带套接字或消息的场景（例如 socket.server 或 process.queue），即可看到它的时序图。</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Export Sequence Diagram…</source>
        <translation>导出时序图…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Export Sequence Diagram</source>
        <translation>导出时序图</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pictures (*.png *.svg *.pdf)</source>
        <translation>图片 (*.png *.svg *.pdf)</translation>
    </message>
</context>
<context>
    <name>weft::ui::StepPanel</name>
    <message>
        <location filename="../../ui/panels/steppanel.cpp" line="+18" />
        <source>No thread is waiting. Turn on Step Mode (Run menu) before pressing Run: every thread then stops before each traced action, and you decide who goes next.</source>
        <translation>没有线程在等待。请先在“运行”菜单中打开单步模式再按运行：每个线程都会在每个被追踪的动作之前停下，由你决定下一个执行谁。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>The kind of action "Run until" stops at</source>
        <translation>“运行到”在哪一类操作前停下</translation>
    </message>
    <message>
        <location line="+63" />
        <source>a lock acquire</source>
        <translation>获取锁</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a thread start</source>
        <translation>启动线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a join</source>
        <translation>join 等待</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a sleep</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a put / message send</source>
        <translation>put / 发送消息</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a get / message receive</source>
        <translation>get / 接收消息</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a socket send</source>
        <translation>套接字发送</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a socket receive</source>
        <translation>套接字接收</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a socket operation (connect, accept, close…)</source>
        <translation>套接字操作（connect、accept、close…）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a condition wait</source>
        <translation>条件变量等待</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a condition notify</source>
        <translation>条件变量通知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a process start</source>
        <translation>启动进程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a name lookup</source>
        <translation>名字解析</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a read of shared data</source>
        <translation>读取共享数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a write of shared data</source>
        <translation>写入共享数据</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Replaying schedule: step %1 of %2</source>
        <translation>正在重放调度：第 %1 步，共 %2 步</translation>
    </message>
    <message numerus="yes">
        <location line="+4" />
        <source>Schedule replayed (%n step(s)).</source>
        <translation>
            <numerusform>调度已重放（%n 步）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>Schedule replayed (%n step(s)); you are the scheduler again.</source>
        <translation>
            <numerusform>调度已重放（%n 步）；现在又由你来调度。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27" />
        <source>%n thread(s) waiting for your decision. Double-click one to let it take one step.</source>
        <translation>
            <numerusform>%n 个线程正在等待你的决定。双击其中一个，让它执行一步。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::StepRuler</name>
    <message>
        <location filename="../../ui/timeline/stepruler.cpp" line="+11" />
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
</context>
<context>
    <name>weft::ui::SummaryBar</name>
    <message>
        <location filename="../../ui/panels/summarybar.cpp" line="+26" />
        <source>Pick a scenario and press Run, or open a trace file.</source>
        <translation>选择一个场景并按“运行”，或打开一个轨迹文件。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Deadlocked</source>
        <translation>死锁</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The run stated no outcome.</source>
        <translation>本次运行没有给出结果。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 — running for %2</source>
        <translation>%1 — 已运行 %2</translation>
    </message>
</context>
<context>
    <name>weft::ui::Theme</name>
    <message>
        <location filename="../../ui/timeline/theme.cpp" line="+190" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>sleeping</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location line="+2" />
        <source>blocked on a lock</source>
        <translation>等待锁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waiting in join</source>
        <translation>在 join 中等待</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waiting on I/O</source>
        <translation>等待 I/O</translation>
    </message>
    <message>
        <location line="+2" />
        <source>waiting on a condition</source>
        <translation>等待条件变量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>paused by you</source>
        <translation>被你暂停</translation>
    </message>
</context>
<context>
    <name>weft::ui::TimeBreakdownModel</name>
    <message>
        <location filename="../../ui/models/timebreakdownmodel.cpp" line="+26" />
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (pid %2), all threads</source>
        <translation>%1（pid %2），所有线程</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Thread</source>
        <translation>线程</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share of its time</source>
        <translation>时间占比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lived</source>
        <translation>存活时间</translation>
    </message>
    <message>
        <location line="+22" />
        <source>blocked on %1</source>
        <translation>阻塞于 %1</translation>
    </message>
    <message>
        <location line="+77" />
        <source>%1: %2 % of its time</source>
        <translation>%1：占其时间的 %2%</translation>
    </message>
    <message>
        <location line="+25" />
        <source>%1 (ms)</source>
        <translation>%1（ms）</translation>
    </message>
</context>
<context>
    <name>weft::ui::TimeBreakdownPanel</name>
    <message>
        <location filename="../../ui/panels/timebreakdownpanel.cpp" line="+25" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Save this table as comma-separated values for a spreadsheet</source>
        <translation>把此表保存为逗号分隔值（CSV），供电子表格使用</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Run a lesson or open a trace to see where each thread's time went.</source>
        <translation>运行一节课或打开一个跟踪文件，查看每个线程的时间花在了哪里。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>From %1 to %2 of the run (Esc on the timeline: the whole run)</source>
        <translation>本次运行的 %1 至 %2（在时间线上按 Esc：整个运行）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The whole run (%1). Shift+drag on the ruler to narrow it to a range.</source>
        <translation>整个运行（%1）。在标尺上按住 Shift 拖动可缩小到一个范围。</translation>
    </message>
    <message>
        <location line="+21" />
        <location line="+6" />
        <source>Export Time Breakdown</source>
        <translation>导出时间分布</translation>
    </message>
    <message>
        <location line="-6" />
        <source>time-breakdown.csv</source>
        <translation>时间分布.csv</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Comma-separated values (*.csv)</source>
        <translation>逗号分隔值 (*.csv)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>weft::ui::TimeRuler</name>
    <message>
        <location filename="../../ui/timeline/timeruler.cpp" line="+141" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
</context>
<context>
    <name>weft::ui::TimelineModel</name>
    <message>
        <location filename="../../ui/timeline/timelinemodel.cpp" line="-309" />
        <source>%1 (tid %2)</source>
        <translation>%1（tid %2）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <location line="+2" />
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 (pid %2)</source>
        <translation>%1（pid %2）</translation>
    </message>
</context>
<context>
    <name>weft::ui::TimelineView</name>
    <message>
        <location filename="../../ui/timeline/timelineview.cpp" line="+399" />
        <source>%1 wants to %2, but it would only wait (%3). Step another thread first.</source>
        <translation>%1 想要%2，但现在只会等待（%3）。请先让另一个线程走一步。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 next: %2
Click to let it take this step.</source>
        <translation>%1 下一步：%2
点击让它走这一步。</translation>
    </message>
    <message>
        <location line="+328" />
        <source>%1: %2 (from %3)</source>
        <translation>%1：%2（从 %3 起）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1: %2 (from %3, self time %4)</source>
        <translation>%1：%2（从 %3 开始，自身耗时 %4）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>still open when the trace ended</source>
        <translation>追踪结束时仍未结束</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 was killed when its process exited</source>
        <translation>%1 在所在进程退出时被终止</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 at %2: %3</source>
        <translation>%1，于 %2：%3</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1: active from %2 to %3; the trace does not say what the thread was doing</source>
        <translation>%1：从 %2 到 %3 处于活动状态；追踪没有记录该线程在做什么</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1: %2 for %3 (from %4)</source>
        <translation>%1：%2，持续 %3（从 %4 开始）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>holds %1</source>
        <translation>持有 %1</translation>
    </message>
</context>
<context>
    <name>weft::ui::TraceDrop</name>
    <message>
        <location filename="../../ui/compare/tracedrop.cpp" line="+68" />
        <source>Dropped Trace</source>
        <translation>拖入的轨迹</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What should Weft do with %1?</source>
        <translation>要如何处理 %1？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A trace is on screen. Open the dropped one instead, or show both one above the other on one time scale.</source>
        <translation>屏幕上已有一条轨迹。可以改为打开拖入的轨迹，或把两者上下排列在同一时间轴上比较。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Open It</source>
        <translation>打开它(&amp;O)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Compare with the Run on Screen</source>
        <translation>与屏幕上的运行比较(&amp;C)</translation>
    </message>
</context>
<context>
    <name>weft::ui::TraceExporter</name>
    <message>
        <location filename="../../ui/export/traceexporter.cpp" line="+43" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Weft trace</source>
        <translation>Weft 轨迹</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1, %2, %3</source>
        <comment>threads, events, duration</comment>
        <translation>%1，%2，%3</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n 个线程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln 个事件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>showing %1 to %2</source>
        <translation>显示 %1 至 %2</translation>
    </message>
    <message>
        <location line="+75" />
        <source>cannot export to '%1': unknown picture format '%2'; use .png, .svg or .pdf</source>
        <translation>无法导出到“%1”：未知的图片格式“%2”；请使用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+17" />
        <source>the trace has no events; there is nothing to draw</source>
        <translation>轨迹中没有事件，没有可绘制的内容</translation>
    </message>
    <message>
        <location line="+51" />
        <source>the lanes do not fit in %1 px at a readable size, so the picture is %2 px tall</source>
        <translation>泳道在 %1 像素内无法以可读的大小放下，因此图片高 %2 像素</translation>
    </message>
    <message>
        <location filename="../../ui/export/picturewriter.cpp" line="+118" />
        <source>picture width %1 is out of range (%2 to %3 pixels)</source>
        <translation>图片宽度 %1 超出范围（%2 到 %3 像素）</translation>
    </message>
    <message>
        <location line="-1" />
        <source>picture height %1 is out of range (%2 to %3 pixels)</source>
        <translation>图片高度 %1 超出范围（%2 到 %3 像素）</translation>
    </message>
    <message>
        <location line="+11" />
        <source>scale factor %1 is out of range (0.25 to 8)</source>
        <translation>缩放系数 %1 超出范围（0.25 到 8）</translation>
    </message>
    <message>
        <location line="-66" />
        <location line="+12" />
        <location line="+5" />
        <location line="+81" />
        <location line="+11" />
        <source>cannot write '%1': %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <location line="-131" />
        <source>the picture would be %1 × %2 pixels, too large for a PNG (at most %3 million); lower the width or scale, or export SVG or PDF</source>
        <translation>图片将为 %1 × %2 像素，作为 PNG 太大（最多 %3 百万像素）；请减小宽度或缩放，或导出 SVG 或 PDF</translation>
    </message>
    <message>
        <location line="+9" />
        <source>not enough memory for a %1 × %2 picture</source>
        <translation>内存不足，无法生成 %1 × %2 的图片</translation>
    </message>
    <message>
        <location line="+91" />
        <source>the picture would be %1 × %2 pixels; there is nothing to draw</source>
        <translation>图片将是 %1 × %2 像素，没有可绘制的内容</translation>
    </message>
    <message>
        <location line="+11" />
        <source>the picture would be %1 × %2 pixels, too large for a PDF page (at most %3 × %3, 200 inches); export SVG</source>
        <translation>图片将为 %1 × %2 像素，作为 PDF 页面太大（最多 %3 × %3，即 200 英寸）；请导出 SVG</translation>
    </message>
    <message>
        <location line="-48" />
        <source>cannot write '%1': the PDF writer failed</source>
        <translation>无法写入“%1”：PDF 写入器出错</translation>
    </message>
</context>
<context>
    <name>weft::ui::WindowActions</name>
    <message>
        <location filename="../../ui/panels/windowactions.cpp" line="+46" />
        <source>&amp;Open Trace…</source>
        <translation>打开轨迹(&amp;O)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open a saved .weft trace</source>
        <translation>打开已保存的 .weft 轨迹</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Record a Program…</source>
        <translation>录制程序(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run a program of your own (C, C++, Python…) and draw its threads, locks, sockets and processes</source>
        <translation>运行你自己的程序（C、C++、Python…），画出它的线程、锁、套接字和进程</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Save Trace…</source>
        <translation>保存轨迹(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Save the shown trace as a .weft file</source>
        <translation>将当前显示的轨迹保存为 .weft 文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export Picture…</source>
        <translation>导出图片(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export the timeline as PNG, SVG or PDF</source>
        <translation>将时间线导出为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Replay speed, light or dark theme, and text size for projectors</source>
        <translation>回放速度、浅色或深色主题，以及适合投影的文字大小</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Find Events…</source>
        <translation>查找事件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find events by name, lock, thread or bytes</source>
        <translation>按名称、锁、线程或字节数查找事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Fit All</source>
        <translation>适应全部(&amp;F)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Show the whole trace</source>
        <translation>显示整个轨迹</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All &amp;Arrows</source>
        <translation>全部箭头(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draw every arrow; otherwise the selected lane's arrows, fans bundled, and as many others as the picture has room for</source>
        <translation>画出每一支箭头；否则只画选中泳道的箭头、合并成束的扇形箭头，以及图中放得下的其他箭头</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full screen with the timeline and the code only, at the projector text size (F11 or Esc leaves)</source>
        <translation>全屏，只显示时间线和代码，文字按投影仪文字大小显示（按 F11 或 Esc 退出）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Sequence Diagram</source>
        <translation>时序图(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the sockets' and messages' exchange as a sequence diagram: one column per thread, time flowing down</source>
        <translation>把套接字和消息的往来画成时序图：每个线程一列，时间自上而下</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Draw each event at the moment it happened</source>
        <translation>按发生的时刻绘制每个事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Steps</source>
        <translation>步骤(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Give each event its own column in the order it happened, leaving out the time in between (and your thinking time while stepping)</source>
        <translation>按发生顺序让每个事件各占一列，略去其间的时间（以及单步执行时你思考的时间）</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Play or pause the replay</source>
        <translation>播放或暂停回放</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;revious Event</source>
        <translation>上一个事件(&amp;R)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Next Event</source>
        <translation>下一个事件(&amp;N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Previous Event of Selected &amp;Lane</source>
        <translation>所选泳道的上一个事件(&amp;L)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next Event of Selected L&amp;ane</source>
        <translation>所选泳道的下一个事件(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To &amp;Start</source>
        <translation>跳到开头(&amp;S)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>To &amp;End</source>
        <translation>跳到结尾(&amp;E)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One Event per &amp;Second</source>
        <translation>每秒一个事件(&amp;S)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Teaching mode: the replay moves one event per second</source>
        <translation>教学模式：回放每秒前进一个事件</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+101" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="-101" />
        <source>Run the selected scenario</source>
        <translation>运行所选场景</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Stop the running scenario</source>
        <translation>停止正在运行的场景</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;tep Mode</source>
        <translation>单步模式(&amp;T)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Every thread stops before each traced action; you choose who goes next</source>
        <translation>每个线程都在每个被追踪的动作之前停下；由你选择下一个执行谁</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Step &amp;Next Thread</source>
        <translation>单步执行下一个线程(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Let the thread that has waited longest take one step</source>
        <translation>让等待时间最长的线程执行一步</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Step Selected Th&amp;read</source>
        <translation>单步执行所选线程(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Let the selected thread take one step</source>
        <translation>让所选线程执行一步</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;Freely</source>
        <translation>自由运行(&amp;F)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Leave step mode and let the run finish</source>
        <translation>退出单步模式，让运行完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run &amp;Until</source>
        <translation>运行到(&amp;U)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Let every thread run until one is about to do the kind of action chosen in the Step Mode panel</source>
        <translation>让所有线程自由运行，直到某个线程即将执行在“单步模式”面板中选定的那类操作</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Re&amp;play Schedule</source>
        <translation>重放调度(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Run the shown trace's scenario again with its parameters, granting the same steps in the same order</source>
        <translation>用所显示记录的参数重新运行其场景，按相同顺序放行相同的步骤</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Getting Started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What the colours and arrows mean; how to run, step and export</source>
        <translation>颜色和箭头的含义；如何运行、单步和导出</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;About Weft</source>
        <translation>关于 Weft(&amp;A)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A&amp;xis</source>
        <translation>横轴(&amp;X)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Playback</source>
        <translation>回放(&amp;P)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Speed</source>
        <translation>速度(&amp;S)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Language (after restart)</source>
        <translation>语言（重启后生效）(&amp;L)</translation>
    </message>
</context>
</TS>