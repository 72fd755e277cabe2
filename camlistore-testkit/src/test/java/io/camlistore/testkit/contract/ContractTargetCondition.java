package io.camlistore.testkit.contract;

import io.camlistore.testkit.RealPerkeepExtension;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a contract test class against the {@link ContractTarget}: when that is to be a real server,
 * decides as {@link io.camlistore.testkit.RealPerkeep @RealPerkeep} does (skipped, with the reason,
 * when the environment names none); the embedded server is always there.
 */
final class ContractTargetCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (ContractTarget.wantsRealServer()) {
      return new RealPerkeepExtension().evaluateExecutionCondition(context);
    }
    return ConditionEvaluationResult.enabled("the embedded server");
  }
}
