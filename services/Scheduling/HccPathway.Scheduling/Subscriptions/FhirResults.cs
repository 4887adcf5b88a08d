using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HccPathway.Scheduling.Subscriptions;

/// <summary>FHIR answers: resources as application/fhir+json, refusals as an OperationOutcome naming each problem.</summary>
public static class FhirResults
{
    public const string FhirJson = "application/fhir+json";

    public static IResult Resource(Resource resource, int status = StatusCodes.Status200OK, string? location = null) =>
        new FhirResult(resource.ToJson(), status, location);

    /// <summary>400 with one issue per problem; <c>expression</c> names the element that is wrong.</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string> problems) =>
        Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, problems);

    public static IResult NotFound(string what) =>
        Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, new Dictionary<string, string> { [""] = what });

    private static IResult Outcome(int status, OperationOutcome.IssueType type, IReadOnlyDictionary<string, string> problems)
    {
        var outcome = new OperationOutcome();
        foreach (var (expression, text) in problems)
        {
            var issue = new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = text };
            if (expression.Length > 0)
            {
                issue.Expression = [expression];
            }

            outcome.Issue.Add(issue);
        }

        return Resource(outcome, status);
    }

    private sealed class FhirResult(string json, int status, string? location) : IResult
    {
        public async System.Threading.Tasks.Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = FhirJson;
            if (location is not null)
            {
                http.Response.Headers.Location = location;
            }

            await http.Response.WriteAsync(json, http.RequestAborted);
        }
    }
}
