package io.camlistore.testkit.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of the contract suite: tagged {@value #TAG}, which only the testkit's contract
 * executions run (so that {@code -Dit.test=…} picks a contract class in those alone), and run
 * against the {@link ContractTarget}, or skipped with the reason ({@link ContractTargetCondition}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ContractTest.TAG)
@ExtendWith(ContractTargetCondition.class)
@interface ContractTest {
  /** The JUnit tag of the contract suite's classes. */
  String TAG = "contract";
}
