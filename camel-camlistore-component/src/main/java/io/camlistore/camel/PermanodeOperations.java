package io.camlistore.camel;

import io.camlistore.client.PermanodeClient;
import io.camlistore.protocol.BlobRef;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * The permanode operations: create a permanode, change its attributes and delete it, each with
 * claims signed by the connection's signer (a local keyring, else the server's sign helper) and
 * uploaded before the operation answers. Each reads all its input from the exchange before
 * connecting, so that bad input fails without a request, and returns the body and headers to set;
 * none touches the message itself.
 */
final class PermanodeOperations {
  private final Supplier<PermanodeClient> permanodes;

  /**
   * Creates the operations.
   *
   * @param permanodes supplies the permanode client, connecting on first use
   */
  PermanodeOperations(Supplier<PermanodeClient> permanodes) {
    this.permanodes = permanodes;
  }

  /**
   * Creates a permanode with the attributes of a {@code Map} body (none for an empty body), and
   * answers its ref as the body and in {@link CamlistoreConstants#BLOB_REF}, so that later steps
   * change the new permanode.
   *
   * @throws IllegalArgumentException if the body is neither empty nor a Map of attributes (nothing
   *     is sent)
   */
  CamlistoreOperationResult createPermanode(Exchange exchange) {
    Map<String, String> attributes =
        AttributeInputs.attributes(exchange, CamlistoreOperation.createPermanode);
    BlobRef permanode = permanodes.get().create(attributes);
    return CamlistoreOperationResult.create(
        permanode, CamlistoreOperationResult.newHeaders().blobRef(permanode));
  }

  /** Sets the attribute to the value, replacing its values, and answers the claim's ref. */
  CamlistoreOperationResult setAttribute(Exchange exchange) {
    CamlistoreOperation operation = CamlistoreOperation.setAttribute;
    BlobRef permanode = permanode(exchange, operation);
    String attribute = AttributeInputs.name(exchange, operation);
    String value = AttributeInputs.value(exchange, operation);
    return claimResult(permanodes.get().setAttribute(permanode, attribute, value));
  }

  /** Adds the value to the attribute and answers the claim's ref. */
  CamlistoreOperationResult addAttribute(Exchange exchange) {
    CamlistoreOperation operation = CamlistoreOperation.addAttribute;
    BlobRef permanode = permanode(exchange, operation);
    String attribute = AttributeInputs.name(exchange, operation);
    String value = AttributeInputs.value(exchange, operation);
    return claimResult(permanodes.get().addAttribute(permanode, attribute, value));
  }

  /**
   * Removes the value in {@link CamlistoreConstants#ATTRIBUTE_VALUE} from the attribute, or every
   * value when that header is absent, and answers the claim's ref. The body is never read as the
   * value: a body left by an earlier step must not change what is removed.
   */
  CamlistoreOperationResult delAttribute(Exchange exchange) {
    CamlistoreOperation operation = CamlistoreOperation.delAttribute;
    BlobRef permanode = permanode(exchange, operation);
    String attribute = AttributeInputs.name(exchange, operation);
    String value = AttributeInputs.valueFromHeader(exchange, operation);
    PermanodeClient client = permanodes.get();
    BlobRef claim =
        value == null
            ? client.delAttribute(permanode, attribute)
            : client.delAttribute(permanode, attribute, value);
    return claimResult(claim);
  }

  /**
   * Marks the permanode (or claim) named by the ref header or body deleted, and answers the delete
   * claim's ref. The blobs stay stored; the index treats the target as deleted.
   */
  CamlistoreOperationResult deletePermanode(Exchange exchange) {
    BlobRef target = BlobRefs.single(exchange, CamlistoreOperation.deletePermanode);
    return claimResult(permanodes.get().delete(target));
  }

  private static BlobRef permanode(Exchange exchange, CamlistoreOperation operation) {
    return BlobRefs.singleFromHeader(exchange, operation, "permanode");
  }

  /** The claim's ref is the body; the ref header keeps naming the permanode for later steps. */
  private static CamlistoreOperationResult claimResult(BlobRef claim) {
    return CamlistoreOperationResult.create(claim, CamlistoreOperationResult.newHeaders());
  }
}
