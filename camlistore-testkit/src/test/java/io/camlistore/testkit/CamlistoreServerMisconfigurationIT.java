package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Misused annotations fail the test class with a message saying what to fix. */
class CamlistoreServerMisconfigurationIT {
  @Test
  void disagreeingAnnotationsAreRefused() {
    assertThat(failuresOf(Disagreeing.class))
        .singleElement()
        .asString()
        .contains("must agree")
        .contains("Disagreeing.server");
  }

  @Test
  void annotatedFieldsMustHoldAServer() {
    assertThat(failuresOf(WrongFieldType.class))
        .singleElement()
        .asString()
        .contains(
            "WrongFieldType.server must be a non-final field of type EmbeddedCamlistoreServer");
  }

  @Test
  void aUserNeedsAPassword() {
    assertThat(failuresOf(UserWithoutPassword.class))
        .singleElement()
        .asString()
        .contains("needs both user and password");
  }

  private static List<String> failuresOf(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(testClass))
            .build(),
        listener);
    return listener.getSummary().getFailures().stream()
        .map(TestExecutionSummary.Failure::getException)
        .map(Throwable::getMessage)
        .toList();
  }

  @CamlistoreServer(user = "alice", password = "secret")
  static class Disagreeing {
    @CamlistoreServer static EmbeddedCamlistoreServer server;

    @Test
    void neverRuns() {}
  }

  static class WrongFieldType {
    @CamlistoreServer static String server;

    @Test
    void neverRuns() {}
  }

  @CamlistoreServer(user = "alice")
  static class UserWithoutPassword {
    @Test
    void neverRuns(EmbeddedCamlistoreServer server) {}
  }
}
