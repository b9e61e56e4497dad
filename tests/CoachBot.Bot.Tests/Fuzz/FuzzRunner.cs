using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CoachBot.Platforms.Slack;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>Sends fuzz cases one at a time over real HTTP to CoachBot on loopback and records status and table writes of each.</summary>
public sealed class FuzzRunner(Uri baseUrl, TableWrites writes, FuzzTally tally) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    private readonly SlackRequestSigner _signer = new(SlackApplication.SigningSecret);

    public async Task RunAsync(FuzzCase request)
    {
        if (request.Target.Contains(FuzzCorpus.StatePlaceholder, StringComparison.Ordinal))
        {
            request = await WithRealStateAsync(request);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = request.BrokenChunks ? await SendBrokenChunksAsync(request) : await SendAsync(request);
        var took = clock.Elapsed;
        var written = await writes.TakeAsync();
        // A redirect that comes back with a real state uses it up, even when the rest is refused: single use is the point.
        var allowed = request.Endpoint == "slack oauth_redirect" && written.All(w => w == "public.slack_oauth_state DELETE");
        tally.Add(request, status, written, allowed, took, IsUnhandledInvokeAnswer(request, status));
    }

    // teams-platform.md 5.2: an invoke name a bot does not handle is answered 501 (botbuilder does the same). Only that
    // answer, to a body that really is such an invoke, is not a server error; it must still write nothing.
    private static bool IsUnhandledInvokeAnswer(FuzzCase request, int status)
    {
        if (status != 501 || !request.Endpoint.StartsWith("teams", StringComparison.Ordinal) || request.Body is null)
        {
            return false;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            return root.ValueKind == System.Text.Json.JsonValueKind.Object
                && root.TryGetProperty("type", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String && type.GetString() == "invoke"
                && !(root.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String && name.GetString() == "adaptiveCard/action");
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task<FuzzCase> WithRealStateAsync(FuzzCase request)
    {
        var start = new FuzzCase("slack install", "real start for a redirect", HttpMethod.Get, "/slack/install");
        using var response = await _http.GetAsync(start.Target);
        tally.Add(start, (int)response.StatusCode, await writes.TakeAsync(), writesAllowed: false);
        var state = response.Headers.Location is { } location ? System.Web.HttpUtility.ParseQueryString(location.Query)["state"] ?? "" : "";
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.First().Split(';')[0] : "";
        return request with
        {
            Target = request.Target.Replace(FuzzCorpus.StatePlaceholder, Uri.EscapeDataString(state), StringComparison.Ordinal),
            Cookie = request.Cookie == FuzzCorpus.CookiePlaceholder ? cookie : request.Cookie,
        };
    }

    private async Task<int> SendAsync(FuzzCase request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Target);
        if (request.Body is { } body)
        {
            message.Content = request.Chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            message.Content.Headers.ContentType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType);
            if (request.Chunked)
            {
                message.Headers.TransferEncodingChunked = true;
            }

            if (request.SignForSlack)
            {
                _signer.Sign(message, body, DateTimeOffset.UtcNow);
            }
        }

        if (request.Authorization is { } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (request.Cookie is { } cookie)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        using var response = await _http.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        return (int)response.StatusCode;
    }

    // Kestrel parses chunk framing itself, so broken framing needs a raw socket: a bad size, a short chunk, or no end at all.
    private async Task<int> SendBrokenChunksAsync(FuzzCase request)
    {
        var body = request.Body ?? [];
        var head = new StringBuilder($"{request.Method} {request.Target} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n");
        if (request.ContentType is { } type)
        {
            head.Append($"Content-Type: {type}\r\n");
        }

        if (request.SignForSlack)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            head.Append($"{SlackSignature.TimestampHeader}: {timestamp}\r\n{SlackSignature.SignatureHeader}: {SlackSignature.Compute(_signer.SigningSecret, timestamp, body)}\r\n");
        }

        if (request.Authorization is { } authorization)
        {
            head.Append($"Authorization: {authorization}\r\n");
        }

        head.Append("\r\n");
        byte[] framing = (body.Length % 3) switch
        {
            0 => [.. "zz\r\n"u8, .. body, .. "\r\n0\r\n\r\n"u8],
            1 => [.. Encoding.ASCII.GetBytes($"{body.Length + 10:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8],
            _ => [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body],
        };

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(framing);
        tcp.Client.Shutdown(SocketShutdown.Send);
        var answer = new byte[64];
        var length = 0;
        try
        {
            int read;
            while (length < answer.Length && (read = await stream.ReadAsync(answer.AsMemory(length))) > 0)
            {
                length += read;
            }
        }
        catch (IOException)
        {
            // Kestrel may reset a connection whose framing it gave up on; what arrived before that still counts.
        }

        // 0: the connection closed without an answer.
        return Encoding.ASCII.GetString(answer, 0, length).Split(' ') is [_, var code, ..] && int.TryParse(code, out var status) ? status : 0;
    }

    public void Dispose() => _http.Dispose();
}
