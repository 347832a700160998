package org.openreturns.process.models;

import java.util.List;
import java.util.stream.Collectors;

/** The models were refused, by the validation or by the runtime, for the problems listed; nothing was deployed. */
public class InvalidModelsException extends RuntimeException {

    private final transient List<ModelProblem> problems;

    public InvalidModelsException(List<ModelProblem> problems) {
        super("The models cannot be deployed: " + problems.stream().map(ModelProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidModelsException(ModelProblem problem, Throwable cause) {
        super("The models cannot be deployed: " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
