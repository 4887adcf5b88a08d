namespace HccPathway.Clinical.Response;

/// <summary>Which response criteria an assessment used.</summary>
public enum ResponseCriteria
{
    /// <summary>RESP-RECIST: RECIST 1.1 (Eisenhauer 2009).</summary>
    Recist11,

    /// <summary>RESP-MRECIST: modified RECIST for HCC (Lencioni and Llovet 2010).</summary>
    Mrecist,
}
