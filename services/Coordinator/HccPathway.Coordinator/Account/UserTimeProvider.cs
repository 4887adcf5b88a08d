using Microsoft.AspNetCore.Components.Authorization;

namespace HccPathway.Coordinator.Account;

/// <summary>
/// The clock of one signed-in user: the system clock in the time zone the browser reported at sign-in, so "today"
/// (form defaults, the worklist range) and times on screen are the user's, not the server's (the servers run on UTC).
/// Without a reported zone it falls back to the server's.
/// </summary>
public sealed class UserTimeProvider(AuthenticationStateProvider authentication, TimeProvider system) : TimeProvider
{
    private TimeZoneInfo? zone;

    public override TimeZoneInfo LocalTimeZone => zone ??= Resolve();

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow();

    /// <summary>The zone id when this machine knows it (IANA ids on Linux), otherwise null.</summary>
    public static string? Known(string? timeZoneId) =>
        timeZoneId is { Length: > 0 and <= 64 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? id : null;

    private TimeZoneInfo Resolve()
    {
        // The circuit's authentication state is known when it starts; a pending one is not worth blocking a render for.
        var state = authentication.GetAuthenticationStateAsync();
        return state.IsCompletedSuccessfully && Known(state.Result.User.TimeZoneId()) is { } id
            ? TimeZoneInfo.FindSystemTimeZoneById(id)
            : TimeZoneInfo.Local;
    }
}
