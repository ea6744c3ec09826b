<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>GilCpuScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/gil/gilcpu.cpp" line="+136"/>
        <source>%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Threads without the GIL: %8 ms (%9× the sequential time, on a machine with %10 cores).</source>
        <translation>
            <numerusform>%n thread × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Threads without the GIL: %8 ms (%9× the sequential time, on a machine with %10 cores).</numerusform>
            <numerusform>%n threads × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Threads without the GIL: %8 ms (%9× the sequential time, on a machine with %10 cores).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GilIoScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/gil/gilio.cpp" line="+202"/>
        <source>%n round trip(s) of %2 bytes beside a CPU-bound thread. Without the GIL: median %3 ms per round trip. With the GIL: median %4 ms, that is %5 switch intervals of %6 ms more (%7 times a thread had to ask for the GIL).</source>
        <translation>
            <numerusform>%n round trip of %2 bytes beside a CPU-bound thread. Without the GIL: median %3 ms per round trip. With the GIL: median %4 ms, that is %5 switch intervals of %6 ms more (%7 times a thread had to ask for the GIL).</numerusform>
            <numerusform>%n round trips of %2 bytes beside a CPU-bound thread. Without the GIL: median %3 ms per round trip. With the GIL: median %4 ms, that is %5 switch intervals of %6 ms more (%7 times a thread had to ask for the GIL).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocksCounterScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/locks/lockscounter.cpp" line="+121"/>
        <source>counter = %1, expected %2: %n update(s) lost.</source>
        <translation>
            <numerusform>counter = %1, expected %2: %n update lost.</numerusform>
            <numerusform>counter = %1, expected %2: %n updates lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocksRaceScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/locks/locksrace.cpp" line="+99"/>
        <source>Round %1: %2 threads × %3 increments left the counter at %4 instead of %5: %n update(s) lost, each marked where a write overwrote another thread&apos;s.</source>
        <translation>
            <numerusform>Round %1: %2 threads × %3 increments left the counter at %4 instead of %5: %n update lost, marked where a write overwrote another thread&apos;s.</numerusform>
            <numerusform>Round %1: %2 threads × %3 increments left the counter at %4 instead of %5: %n updates lost, each marked where a write overwrote another thread&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessManagerScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/processes/processmanager.cpp" line="+137"/>
        <source>%n worker(s) each sent %2 to the manager; the shared counter ends at %3 (expected %4).</source>
        <translation>
            <numerusform>%n worker each sent %2 to the manager; the shared counter ends at %3 (expected %4).</numerusform>
            <numerusform>%n workers each sent %2 to the manager; the shared counter ends at %3 (expected %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n increment(s)</source>
        <translation>
            <numerusform>%n increment</numerusform>
            <numerusform>%n increments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessPipeScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/processes/processpipe.cpp" line="+86"/>
        <source>%n message(s) (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</source>
        <translation>
            <numerusform>%n message (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</numerusform>
            <numerusform>%n messages (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n correct echo(es)</source>
        <translation>
            <numerusform>%n correct echo</numerusform>
            <numerusform>%n correct echoes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessQueueScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/processes/processqueue.cpp" line="+118"/>
        <source>%n producer(s)</source>
        <translation>
            <numerusform>%n producer</numerusform>
            <numerusform>%n producers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n consumer(s)</source>
        <translation>
            <numerusform>%n consumer</numerusform>
            <numerusform>%n consumers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PythonLessonChecks</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/python/threadschecks.cpp" line="+31"/>
        <source>%n thread(s) started, ran and were joined.</source>
        <translation>
            <numerusform>%n thread started, ran and was joined.</numerusform>
            <numerusform>%n threads started, ran and were joined.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/scenarios/python/lockschecks.cpp" line="+81"/>
        <source>counter = %1, expected %2: %n update(s) lost.</source>
        <translation>
            <numerusform>counter = %1, expected %2: %n update lost.</numerusform>
            <numerusform>counter = %1, expected %2: %n updates lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>%n thread(s) × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Processes, each with a GIL of its own: %8 ms (%9× the sequential time, on a machine with %10 cores).</source>
        <translation>
            <numerusform>%n thread × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Processes, each with a GIL of its own: %8 ms (%9× the sequential time, on a machine with %10 cores).</numerusform>
            <numerusform>%n threads × %2 work units. Sequential: %3 ms. Threads under the GIL: %4 ms (%5× the sequential time, %6 switches, %7 drop requests). Processes, each with a GIL of its own: %8 ms (%9× the sequential time, on a machine with %10 cores).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/scenarios/python/threadschecks.cpp" line="+63"/>
        <source>%n thread(s), each with its own name and native id: %1.</source>
        <translation>
            <numerusform>%n thread, with its own name and native id: %1.</numerusform>
            <numerusform>%n threads, each with its own name and native id: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/scenarios/python/processchecks.cpp" line="+79"/>
        <source>%n producer process(es)</source>
        <translation>
            <numerusform>%n producer process</numerusform>
            <numerusform>%n producer processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n consumer process(es)</source>
        <translation>
            <numerusform>%n consumer process</numerusform>
            <numerusform>%n consumer processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n message(s) (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</source>
        <translation>
            <numerusform>%n message (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</numerusform>
            <numerusform>%n messages (%2 bytes) went through the pipe and %3 (%4 bytes) came back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n correct echo(es)</source>
        <translation>
            <numerusform>%n correct echo</numerusform>
            <numerusform>%n correct echoes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n worker process(es) each made %2 through the manager: %3 requests and %4 replies. The shared counter ends at %5 (expected %6).</source>
        <translation>
            <numerusform>%n worker process made %2 through the manager: %3 requests and %4 replies. The shared counter ends at %5 (expected %6).</numerusform>
            <numerusform>%n worker processes each made %2 through the manager: %3 requests and %4 replies. The shared counter ends at %5 (expected %6).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n locked update(s)</source>
        <translation>
            <numerusform>%n locked update</numerusform>
            <numerusform>%n locked updates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketBacklogScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/sockets/socketbacklog.cpp" line="+196"/>
        <source>%1 of %n client(s) were accepted one by one; at most %3 finished handshakes waited in the queue at once (backlog %4).</source>
        <translation>
            <numerusform>%1 of %n client was accepted one by one; at most %3 finished handshakes waited in the queue at once (backlog %4).</numerusform>
            <numerusform>%1 of %n clients were accepted one by one; at most %3 finished handshakes waited in the queue at once (backlog %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n connection(s) were accepted after their client had given up.</source>
        <translation>
            <numerusform>%n connection was accepted after its client had given up.</numerusform>
            <numerusform>%n connections were accepted after their client had given up.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketThreadedServerScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/sockets/socketthreadedserver.cpp" line="+199"/>
        <source>%n client(s), %2 ms of work each: the single-threaded server took %3 ms, the thread-per-connection server %4 ms (%5× as fast).</source>
        <translation>
            <numerusform>%n client, %2 ms of work each: the single-threaded server took %3 ms, the thread-per-connection server %4 ms (%5× as fast).</numerusform>
            <numerusform>%n clients, %2 ms of work each: the single-threaded server took %3 ms, the thread-per-connection server %4 ms (%5× as fast).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProducerConsumerScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/sync/syncproducerconsumer.cpp" line="+176"/>
        <source>%n producer(s)</source>
        <translation>
            <numerusform>%n producer</numerusform>
            <numerusform>%n producers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n consumer(s)</source>
        <translation>
            <numerusform>%n consumer</numerusform>
            <numerusform>%n consumers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadsCreateScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/threads/threadscreate.cpp" line="+57"/>
        <source>%n thread(s) started, ran and were joined.</source>
        <translation>
            <numerusform>%n thread started, ran and was joined.</numerusform>
            <numerusform>%n threads started, ran and were joined.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadsIdentityScenario</name>
    <message numerus="yes">
        <location filename="../../core/scenarios/threads/threadsidentity.cpp" line="+69"/>
        <source>%n thread(s), each with its own name and native id: %1.</source>
        <translation>
            <numerusform>%n thread, with its own name and native id: %1.</numerusform>
            <numerusform>%n threads, each with its own name and native id: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ChromeEventConverter</name>
    <message numerus="yes">
        <location filename="../../core/interchange/chromeeventconverter.cpp" line="+781"/>
        <source>%n B (begin) event(s) never ended; closed at the end of the trace</source>
        <translation>
            <numerusform>%n B (begin) event never ended; closed at the end of the trace</numerusform>
            <numerusform>%n B (begin) events never ended; closed at the end of the trace</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n async span(s) never ended; closed at the end of the trace</source>
        <translation>
            <numerusform>%n async span never ended; closed at the end of the trace</numerusform>
            <numerusform>%n async spans never ended; closed at the end of the trace</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n flow(s) do not have as many finishes as starts (the first begins at byte %1)</source>
        <translation>
            <numerusform>%n flow does not have as many finishes as starts (it begins at byte %1)</numerusform>
            <numerusform>%n flows do not have as many finishes as starts (the first begins at byte %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n name(s) or text(s) longer than %1 KiB were cut to that length</source>
        <translation>
            <numerusform>%n name or text longer than %1 KiB was cut to that length</numerusform>
            <numerusform>%n names or texts longer than %1 KiB were cut to that length</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln event(s) with unsupported phase &quot;%1&quot; skipped</source>
        <translation>
            <numerusform>%Ln event with unsupported phase &quot;%1&quot; skipped</numerusform>
            <numerusform>%Ln events with unsupported phase &quot;%1&quot; skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln lane(s)</source>
        <translation>
            <numerusform>%Ln lane</numerusform>
            <numerusform>%Ln lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ChromeTraceImporter</name>
    <message numerus="yes">
        <location filename="../../core/interchange/chrometraceimporter.cpp" line="+103"/>
        <source>no usable events; %n problem(s), the first: %1</source>
        <translation>
            <numerusform>no usable events; %n problem: %1</numerusform>
            <numerusform>no usable events; %n problems, the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::Connection</name>
    <message numerus="yes">
        <location filename="../../core/process/connection.cpp" line="+56"/>
        <source>send %n byte(s) on %1</source>
        <translation>
            <numerusform>send %n byte on %1</numerusform>
            <numerusform>send %n bytes on %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::QueueClient</name>
    <message numerus="yes">
        <location filename="../../core/process/queueclient.cpp" line="+38"/>
        <source>put %n byte(s) on %1</source>
        <translation>
            <numerusform>put %n byte on %1</numerusform>
            <numerusform>put %n bytes on %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::RecordCommand</name>
    <message numerus="yes">
        <location filename="../../app/recordcommand.cpp" line="+184"/>
        <location line="+13"/>
        <source>trace written to %1 (%Ln event(s))</source>
        <translation>
            <numerusform>trace written to %1 (%Ln event)</numerusform>
            <numerusform>trace written to %1 (%Ln events)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::TcpSocket</name>
    <message numerus="yes">
        <location filename="../../core/net/tcpsocket.cpp" line="+217"/>
        <source>send %n byte(s)</source>
        <translation>
            <numerusform>send %n byte</numerusform>
            <numerusform>send %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>recv up to %n byte(s)</source>
        <translation>
            <numerusform>recv up to %n byte</numerusform>
            <numerusform>recv up to %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::TraceFile</name>
    <message numerus="yes">
        <location filename="../../core/tracestreamreader.cpp" line="+476"/>
        <source>the recording was cut short after %Ln event(s); the rest was lost</source>
        <translation>
            <numerusform>the recording was cut short after %Ln event; the rest was lost</numerusform>
            <numerusform>the recording was cut short after %Ln events; the rest was lost</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::app::CommandLine</name>
    <message numerus="yes">
        <location filename="../../app/commandline.cpp" line="+470"/>
        <source>Replayed %n recorded step(s).</source>
        <translation>
            <numerusform>Replayed %n recorded step.</numerusform>
            <numerusform>Replayed %n recorded steps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>%n lane(s)</source>
        <translation>
            <numerusform>%n lane</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::record::StreamingDecoder</name>
    <message numerus="yes">
        <location filename="../../core/record/streamingdecoder.cpp" line="+193"/>
        <source>%n record(s) reached Weft late and were decoded out of order</source>
        <translation>
            <numerusform>%n record reached Weft late and was decoded out of order</numerusform>
            <numerusform>%n records reached Weft late and were decoded out of order</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::LabelPass</name>
    <message numerus="yes">
        <location filename="../../ui/timeline/labelpass.cpp" line="+78"/>
        <source>%1 — %n thread(s)</source>
        <translation>
            <numerusform>%1 — %n thread</numerusform>
            <numerusform>%1 — %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::SearchBar</name>
    <message numerus="yes">
        <location filename="../../ui/panels/searchbar.cpp" line="+136"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::SelectionPass</name>
    <message numerus="yes">
        <location filename="../../ui/timeline/selectionpass.cpp" line="+116"/>
        <source>%1 · %Ln event(s)</source>
        <translation>
            <numerusform>%1 · %Ln event</numerusform>
            <numerusform>%1 · %Ln events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::StepPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/steppanel.cpp" line="+151"/>
        <source>Schedule replayed (%n step(s)).</source>
        <translation>
            <numerusform>Schedule replayed (%n step).</numerusform>
            <numerusform>Schedule replayed (%n steps).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Schedule replayed (%n step(s)); you are the scheduler again.</source>
        <translation>
            <numerusform>Schedule replayed (%n step); you are the scheduler again.</numerusform>
            <numerusform>Schedule replayed (%n steps); you are the scheduler again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n thread(s) waiting for your decision. Double-click one to let it take one step.</source>
        <translation>
            <numerusform>%n thread waiting for your decision. Double-click it to let it take one step.</numerusform>
            <numerusform>%n threads waiting for your decision. Double-click one to let it take one step.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::TraceExporter</name>
    <message numerus="yes">
        <location filename="../../ui/export/traceexporter.cpp" line="+61"/>
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
</context>
</TS>
