namespace HccPathway.Clinical.Rules;

/// <summary>
/// One reason an input was rejected. <paramref name="Field"/> is the camelCase name an HTTP API exposes
/// (for example <c>albuminGramsPerLitre</c> or <c>followUps[2].date</c>), so a service can map it to its request body.
/// </summary>
public sealed record ValidationError(string Field, string Message, string AllowedRange);
