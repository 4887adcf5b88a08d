using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.Http;

public static class ProblemResults
{
    public static IResult From(Rejection rejection)
    {
        var extensions = rejection.RuleId is null
            ? null
            : new Dictionary<string, object?> { ["ruleId"] = rejection.RuleId };

        return rejection.Kind switch
        {
            RejectionKind.Invalid => TypedResults.ValidationProblem(
                rejection.Errors ?? new Dictionary<string, string[]>(),
                detail: rejection.Detail,
                title: rejection.Title,
                extensions: extensions),
            RejectionKind.NotFound => TypedResults.Problem(
                rejection.Detail, title: rejection.Title, statusCode: StatusCodes.Status404NotFound, extensions: extensions),
            _ => TypedResults.Problem(
                rejection.Detail, title: rejection.Title, statusCode: StatusCodes.Status409Conflict, extensions: extensions),
        };
    }

    public static IResult StaleVersion(Guid pathwayId, long? expected) => TypedResults.Problem(
        expected is null
            ? $"Pathway {pathwayId} kept changing while this request was decided ({EventStore.VersionRace.MaxAttempts} tries); nothing was appended. Send it again."
            : $"Pathway {pathwayId} is no longer at version {expected}. Reload it and try again.",
        title: "The pathway was changed by someone else.",
        statusCode: StatusCodes.Status409Conflict);
}
