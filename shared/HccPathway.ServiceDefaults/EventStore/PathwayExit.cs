using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// An aggregate that folds <see cref="PathwayExited"/> from the pathway stream. <see cref="PathwayWriter"/> refuses
/// every command on such a pathway once the patient has left it, before the command's decider runs, so no service
/// repeats the check in each of its deciders.
/// </summary>
public interface IExitablePathway
{
    /// <summary>How the patient left the pathway; null while they are on it.</summary>
    PathwayExited? Exit { get; }
}

/// <summary>The one refusal of a command for a patient who has left the pathway (409, rule PATHWAY-EXITED).</summary>
public static class PathwayExit
{
    public const string RuleId = "PATHWAY-EXITED";

    /// <summary>The refusal when <paramref name="state"/> is a pathway the patient has left; otherwise null.</summary>
    public static Rejection? Refusal(object state) =>
        state is IExitablePathway { Exit: { } exit }
            ? Rejection.Conflict(
                $"The patient left the pathway on {exit.ExitedOn:yyyy-MM-dd} ({exit.Reason}); nothing more can be recorded for it.",
                RuleId)
            : null;
}
