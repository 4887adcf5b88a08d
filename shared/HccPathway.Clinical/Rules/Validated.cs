namespace HccPathway.Clinical.Rules;

/// <summary>
/// Either a value or a non-empty list of validation errors. Rule functions return this instead of throwing,
/// so bad input never surfaces as an exception from deep inside a calculation or as a silently wrong score.
/// </summary>
public sealed class Validated<T>
{
    private readonly T? _value;

    private Validated(T value)
    {
        _value = value;
        Errors = [];
        IsValid = true;
    }

    private Validated(IReadOnlyList<ValidationError> errors)
    {
        Errors = errors;
        IsValid = false;
    }

    public bool IsValid { get; }

    /// <summary>Empty when <see cref="IsValid"/>; otherwise at least one error.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The value. Reading it from an invalid result is a programming error in the caller.</summary>
    public T Value => IsValid
        ? _value!
        : throw new InvalidOperationException(
            "Validated value is invalid: " + string.Join("; ", Errors.Select(e => $"{e.Field}: {e.Message}")));

    public static Validated<T> Success(T value) => new(value);

    public static Validated<T> Failure(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A failure needs at least one validation error.", nameof(errors));
        }

        return new Validated<T>(list);
    }

    public static Validated<T> Failure(ValidationError error) => Failure([error]);

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return IsValid;
    }

    public Validated<TResult> Map<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsValid ? Validated<TResult>.Success(map(_value!)) : Validated<TResult>.Failure(Errors);
    }

    public Validated<TResult> Bind<TResult>(Func<T, Validated<TResult>> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return IsValid ? bind(_value!) : Validated<TResult>.Failure(Errors);
    }

    public TResult Match<TResult>(Func<T, TResult> valid, Func<IReadOnlyList<ValidationError>, TResult> invalid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(invalid);
        return IsValid ? valid(_value!) : invalid(Errors);
    }
}
