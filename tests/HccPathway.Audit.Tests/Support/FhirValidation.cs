using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace HccPathway.Audit.Tests.Support;

/// <summary>
/// The Firely validator against base FHIR R4 (the core definitions of Hl7.Fhir.Specification.Data.R4), with local
/// terminology: structure, cardinality, invariants, required bindings and the references inside a bundle.
/// One validator for the whole run: it compiles the definitions once.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var definitions = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(definitions, new LocalTerminologyService(definitions));
    });

    /// <summary>Every error and fatal issue, as "location: text", so a failing test says what is wrong and where.</summary>
    public static IReadOnlyList<string> Errors(Resource resource) =>
        Shared.Value.Validate(resource).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Location ?? [])}{string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
}
