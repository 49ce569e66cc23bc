package io.scimgate.benchmarks.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One line of async-profiler's {@code collapsed} output with {@code ann}: frames from the thread's root to the
 * running one, separated by {@code ;}, then the sample count. Java frames carry a suffix ({@code _[j]} compiled,
 * {@code _[i]} inlined, {@code _[0]} interpreted, {@code _[1]} C1) and use {@code /} in class names; kernel frames
 * end in {@code _[k]}; the JVM's and libc's native frames carry nothing.
 *
 * @param frames the frames, root first, Java ones as {@code package.Class.method} without suffix
 * @param kinds  per frame: {@code 'j'} Java, {@code 'k'} kernel, {@code 'n'} native
 */
record CollapsedStack(List<String> frames, char[] kinds, long samples) {

  static Optional<CollapsedStack> parse(String line) {
    int space = line.lastIndexOf(' ');
    if (space <= 0) {
      return Optional.empty();
    }
    long samples;
    try {
      samples = Long.parseLong(line.substring(space + 1).strip());
    } catch (NumberFormatException notAStack) {
      return Optional.empty();
    }
    String[] raw = line.substring(0, space).split(";");
    char[] kinds = new char[raw.length];
    String[] frames = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      kinds[i] = kind(raw[i]);
      frames[i] = kinds[i] == 'n' ? raw[i] : raw[i].substring(0, raw[i].lastIndexOf("_["));
      if (kinds[i] == 'j') {
        frames[i] = frames[i].replace('/', '.');
      }
    }
    return Optional.of(new CollapsedStack(Arrays.asList(frames), kinds, samples));
  }

  String leaf() {
    return frames.get(frames.size() - 1);
  }

  char leafKind() {
    return kinds[kinds.length - 1];
  }

  boolean hasJavaFrames() {
    for (char kind : kinds) {
      if (kind == 'j') {
        return true;
      }
    }
    return false;
  }

  boolean anyFrameContains(String text) {
    return frames.stream().anyMatch(frame -> frame.contains(text));
  }

  private static char kind(String frame) {
    if (frame.endsWith("_[k]")) {
      return 'k';
    }
    if (frame.endsWith("_[j]") || frame.endsWith("_[i]") || frame.endsWith("_[0]") || frame.endsWith("_[1]")) {
      return 'j';
    }
    return 'n';
  }
}
