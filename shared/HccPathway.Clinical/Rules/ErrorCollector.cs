using System.Globalization;

namespace HccPathway.Clinical.Rules;

/// <summary>Accumulates every validation error of one input so the caller sees all of them at once.</summary>
internal sealed class ErrorCollector
{
    private readonly List<ValidationError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string field, string message, string allowedRange) =>
        _errors.Add(new ValidationError(field, message, allowedRange));

    public void AddRange(IEnumerable<ValidationError> errors) => _errors.AddRange(errors);

    public bool Require(bool condition, string field, string message, string allowedRange)
    {
        if (!condition)
        {
            Add(field, message, allowedRange);
        }

        return condition;
    }

    public bool InRange(decimal value, PlausibleRange range, string field)
    {
        if (range.Contains(value))
        {
            return true;
        }

        Add(field, string.Create(CultureInfo.InvariantCulture, $"{value} {range.Unit} is outside the plausible range."), range.Describe());
        return false;
    }

    public bool InRange(int value, PlausibleRange range, string field) => InRange((decimal)value, range, field);

    public Validated<T> Result<T>(Func<T> build) =>
        HasErrors ? Validated<T>.Failure(_errors) : Validated<T>.Success(build());
}
