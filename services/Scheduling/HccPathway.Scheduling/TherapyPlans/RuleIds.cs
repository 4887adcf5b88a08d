namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>Rule ids that problem details name and that are not a clinical rule of their own.</summary>
public static class RuleIds
{
    /// <summary>A command for a pathway the patient has left (PATH-EXIT).</summary>
    public const string PathwayExited = "PATHWAY-EXITED";
}
