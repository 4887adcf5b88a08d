using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Units;

public class UnitConversionTests
{
    [Fact]
    public void SCORE_CP_bilirubin_1_mg_per_dl_is_17_1_micromol_per_l()
    {
        Assert.Equal(17.1m, Bilirubin.FromMilligramsPerDecilitre(1m).MicromolesPerLitre);
        Assert.Equal(2m, Bilirubin.FromMicromolesPerLitre(34.2m).MilligramsPerDecilitre);
    }

    [Fact]
    public void SCORE_CP_albumin_3_5_g_per_dl_is_35_g_per_l()
    {
        Assert.Equal(35m, Albumin.FromGramsPerDecilitre(3.5m).GramsPerLitre);
        Assert.Equal(3.5m, Albumin.FromGramsPerLitre(35m).GramsPerDecilitre);
    }

    [Fact]
    public void SCORE_AFPR_afp_international_units_convert_at_1_21()
    {
        Assert.Equal(121m, AfpNgPerMl.FromInternationalUnitsPerMillilitre(100m).NanogramsPerMillilitre);
    }

    [Fact]
    public void SCORE_BSA_height_in_metres_and_lengths_in_centimetres_convert()
    {
        Assert.Equal(172m, HeightCm.FromMetres(1.72m).Centimetres);
        Assert.Equal(45m, LengthMm.FromCentimetres(4.5m).Millimetres);
        Assert.Equal(4.5m, LengthMm.FromMillimetres(45m).Centimetres);
    }

    [Fact]
    public void Units_print_with_their_unit_whatever_the_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("34.2 µmol/L", Bilirubin.FromMicromolesPerLitre(34.2m).ToString());
            Assert.Equal("1.25", Inr.FromRatio(1.25m).ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
