using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Staging;

/// <summary>STAGE-CNLC inputs: intrahepatic tumour count and largest diameter, vascular and extrahepatic spread, ECOG, Child–Pugh class.</summary>
public sealed record CnlcInputs(
    int TumourCount,
    LengthMm LargestTumourDiameter,
    bool MacrovascularInvasion,
    bool ExtrahepaticSpread,
    int Ecog,
    ChildPughClass ChildPughClass);
