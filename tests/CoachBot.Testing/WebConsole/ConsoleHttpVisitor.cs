using System.Net;
using System.Text.RegularExpressions;

namespace CoachBot.Testing.WebConsole;

/// <summary>
/// A browser without a screen: one cookie jar, redirects followed by hand so each hop can be asserted, and the
/// issuer's person picker "clicked" by following its link for a user id.
/// </summary>
public sealed partial class ConsoleHttpVisitor(Uri coachBot) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true });

    public Task<HttpResponseMessage> GetAsync(string pathOrUrl) => _http.GetAsync(Resolve(pathOrUrl));

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        _http.PostAsync(Resolve(path), new FormUrlEncodedContent(fields));

    /// <summary>From the console's sign-in button to the page the console lands on, choosing <paramref name="userId"/> on the issuer.</summary>
    public async Task<SignInTrail> SignInAsync(string scheme, string userId)
    {
        using var challenge = await GetAsync($"/console/signin/{scheme}");
        var authorize = Location(challenge);
        using var picker = await GetAsync(authorize.ToString());
        var pickerHtml = await picker.Content.ReadAsStringAsync();
        using var chosen = await GetAsync(authorize + $"&user={Uri.EscapeDataString(userId)}");
        var callback = chosen.StatusCode == HttpStatusCode.Redirect ? Location(chosen) : null;
        HttpResponseMessage? landed = callback is null ? null : await GetAsync(callback.ToString());
        var landing = landed is null ? null : Location(landed);
        landed?.Dispose();
        return new SignInTrail(authorize, pickerHtml, callback, landing);
    }

    /// <summary>Follows redirects within the console until a page answers; returns it with its final URL.</summary>
    public async Task<(HttpResponseMessage Response, string Html, Uri Url)> OpenAsync(string path)
    {
        var url = Resolve(path);
        for (var hop = 0; ; hop++)
        {
            var response = await _http.GetAsync(url);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found) || hop == 5)
            {
                return (response, await response.Content.ReadAsStringAsync(), url);
            }

            url = Location(response);
            response.Dispose();
        }
    }

    public static string AntiforgeryToken(string html) => TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    public static Uri Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location)
            : throw new InvalidOperationException($"Expected a redirect from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}.");

    private Uri Resolve(string pathOrUrl) => Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http") ? absolute : new Uri(coachBot, pathOrUrl);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The hops of one sign-in: the issuer's authorize URL, its picker page, the callback and where the console sent the person.</summary>
    public sealed record SignInTrail(Uri Authorize, string PickerHtml, Uri? Callback, Uri? Landing);
}
