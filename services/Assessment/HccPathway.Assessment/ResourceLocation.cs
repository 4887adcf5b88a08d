namespace HccPathway.Assessment;

/// <summary>
/// Tells the client where a recorded item (a study, an adverse event) lives, so it learns a generated id. Set only
/// when the write succeeded; a refusal carries no Location.
/// </summary>
internal static class ResourceLocation
{
    public static void OnSuccess(HttpContext http, string location) => http.Response.OnStarting(() =>
    {
        if (http.Response.StatusCode is >= 200 and < 300)
        {
            http.Response.Headers.Location = location;
        }

        return Task.CompletedTask;
    });
}
