package io.camlistore.camel;

import io.camlistore.testkit.RealPerkeep;
import io.camlistore.testkit.RealPerkeepServer;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The bundled kamelets against a real Perkeep server, with its credentials. */
@RealPerkeep
class CamlistoreKameletsRealPerkeepIT {
  @Test
  void theSinkStoresWhatTheSourceThenDelivers(RealPerkeepServer server) throws Exception {
    // userpass:USER:PASS, as the environment gives it to the tests.
    String[] auth =
        Objects.requireNonNull(System.getenv(RealPerkeepServer.AUTH_VARIABLE)).split(":", 3);
    CamlistoreKameletsTest.sinkStoresWhatTheSourceDelivers(
        server.url(), "&username=" + auth[1] + "&password=" + auth[2]);
  }
}
