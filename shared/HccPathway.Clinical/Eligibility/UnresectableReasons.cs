namespace HccPathway.Clinical.Eligibility;

/// <summary>ELIG-1: why the surgeon judged the tumour surgically unresectable. Several may apply.</summary>
[Flags]
public enum UnresectableReasons
{
    None = 0,
    IntolerableLiverFunction = 1,
    InsufficientFutureLiverRemnant = 2,
    TumourAdjacentToMajorDuctsOrVessels = 4,
}
