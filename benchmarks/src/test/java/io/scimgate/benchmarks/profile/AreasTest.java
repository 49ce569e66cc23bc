package io.scimgate.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AreasTest {
  @Test
  void javaFramesLoseTheirSuffixAndSlashesAndCountByPackage() {
    CollapsedStack stack = parse("java/lang/Thread.run_[j];io/netty/channel/nio/NioEventLoop.run_[j];"
        + "io/scimgate/app/http/Responses.send_[i];com/fasterxml/jackson/core/json/UTF8JsonGenerator.writeString_[j] 7");

    assertThat(stack.samples()).isEqualTo(7);
    assertThat(stack.leaf()).isEqualTo("com.fasterxml.jackson.core.json.UTF8JsonGenerator.writeString");
    assertThat(stack.frames()).contains("io.scimgate.app.http.Responses.send");
    assertThat(Areas.of(stack)).isEqualTo("JSON (Jackson)");
  }

  @Test
  void kernelJitGcAndNativeLeavesHaveAreasOfTheirOwn() {
    assertThat(Areas.of(parse("java/lang/Thread.run_[j];sun/nio/ch/SocketDispatcher.write0_[j];__GI_write;"
        + "entry_SYSCALL_64_[k];tcp_sendmsg_[k] 3"))).startsWith("kernel");
    assertThat(Areas.of(parse("start_thread;CompileBroker::compiler_thread_loop;PhaseChaitin::Split 2")))
        .startsWith("JIT compiler");
    assertThat(Areas.of(parse("start_thread;WorkerThread::run;G1ParEvacuateFollowersClosure::do_void 2")))
        .isEqualTo("garbage collector");
    assertThat(Areas.of(parse("java/lang/Thread.run_[j];itable stub 1"))).startsWith("JVM runtime");
  }

  @Test
  void linesThatAreNotStacksAreSkipped() {
    assertThat(CollapsedStack.parse("")).isEmpty();
    assertThat(CollapsedStack.parse("no count here")).isEmpty();
  }

  private static CollapsedStack parse(String line) {
    return CollapsedStack.parse(line).orElseThrow();
  }
}
