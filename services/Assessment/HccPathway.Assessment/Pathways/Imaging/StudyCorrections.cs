using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>What every correction of a study checks first: the study exists and still counts, and a reason is given.</summary>
internal static class StudyCorrections
{
    public static Rejection? Refusal(AssessmentPathway pathway, Guid studyId) =>
        !pathway.StudyIds.Contains(studyId) ? Rejection.NotFound($"Study {studyId} of pathway {pathway.Id} does not exist.")
        : pathway.StudiesEnteredInError.Contains(studyId) ? Rejection.Conflict($"Study {studyId} is already entered in error.")
        : null;

    public static void CheckReason(string? reason, Dictionary<string, string[]> errors) => CorrectionReason.Require(reason, errors);
}
