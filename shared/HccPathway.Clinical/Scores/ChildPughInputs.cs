using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-CP inputs. <paramref name="EncephalopathyGrade"/> is the West Haven grade 0 (none) to 4.</summary>
public sealed record ChildPughInputs(
    Bilirubin Bilirubin,
    Albumin Albumin,
    Inr Inr,
    Ascites Ascites,
    int EncephalopathyGrade);
