package io.scimgate.app.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@link UnboundIdScenario} against another version of UnboundID's SCIM 2 SDK than the one on the test
 * classpath (two versions of one artifact cannot share a classpath). A child-first class loader takes the SDK's
 * classes ({@code com.unboundid}) from that version's jars, which the build copies to
 * {@code target/unboundid-scim2/<version>/}, and the scenario's classes from the test classes, so that they link
 * against that version; everything else (Jackson, Jersey, the JDK) comes from the test classpath, which is what
 * both SDK versions are built against.
 *
 * <p>Why this rather than a separate test module: the scenario must run against a real test gateway, and the
 * test gateway lives in this module's test sources, which nothing else may depend on. One loader per version
 * keeps the rest of the test classpath shared and the scenario written once.
 */
final class IsolatedClient implements AutoCloseable {
  static final Path VERSIONS = Path.of("target", "unboundid-scim2");
  private static final String SCENARIO_PACKAGE = UnboundIdScenario.class.getPackageName() + ".";

  private final String version;
  private final ChildFirst loader;

  private IsolatedClient(String version, ChildFirst loader) {
    this.version = version;
    this.loader = loader;
  }

  /** The SDK versions the build copied, one directory each. */
  static List<String> versions() throws IOException {
    try (Stream<Path> dirs = Files.list(VERSIONS)) {
      return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
    }
  }

  static IsolatedClient of(String version) throws IOException {
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> jars = Files.list(VERSIONS.resolve(version))) {
      jars.filter(jar -> jar.toString().endsWith(".jar")).forEach(jar -> urls.add(url(jar)));
    }
    urls.add(UnboundIdScenario.class.getProtectionDomain().getCodeSource().getLocation());
    return new IsolatedClient(version, new ChildFirst(urls.toArray(URL[]::new),
        UnboundIdScenario.class.getClassLoader()));
  }

  String version() {
    return version;
  }

  /** {@link UnboundIdScenario#run}, linked against this SDK version; the SDK's exception as thrown. */
  @SuppressWarnings("unchecked")
  Map<String, String> run(String baseUrl, String token, String userName) throws Exception {
    Class<?> scenario = loader.loadClass(UnboundIdScenario.class.getName());
    if (scenario.getClassLoader() != loader) {
      throw new IllegalStateException("the scenario was not isolated");
    }
    try {
      return (Map<String, String>) scenario.getMethod("run", String.class, String.class, String.class)
          .invoke(null, baseUrl, token, userName);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The SDK version a class was loaded from, as its jar names it ({@code scim2-sdk-common-4.0.0.jar}). */
  String sdkJarOf(String className) throws ClassNotFoundException {
    return Path.of(loader.loadClass(className).getProtectionDomain().getCodeSource().getLocation().getPath())
        .getFileName().toString();
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the SDK and the scenario from its own URLs first; the rest from the parent. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("com.unboundid.") && !name.startsWith(SCENARIO_PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    @Override
    public URL getResource(String name) {
      URL own = name.startsWith("com/unboundid/") ? findResource(name) : null;
      return own != null ? own : super.getResource(name);
    }
  }
}
