using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoachBot.Platforms.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack;

// Every refusal must leave nothing behind: no recorded request, no core call.
public sealed class SlackRequestVerificationTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    private static byte[] DirectMessageBody() =>
        Encoding.UTF8.GetBytes(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hi")).ToJsonString());

    public static TheoryData<string, Action<HttpRequestMessage>> Tampering => new()
    {
        { "no signature", r => r.Headers.Remove(SlackSignature.SignatureHeader) },
        { "no timestamp", r => r.Headers.Remove(SlackSignature.TimestampHeader) },
        { "non-numeric timestamp", r => Replace(r, SlackSignature.TimestampHeader, "yesterday") },
        { "v1 prefix", r => Replace(r, SlackSignature.SignatureHeader, "v1=" + r.Headers.GetValues(SlackSignature.SignatureHeader).Single()[3..]) },
        { "uppercase hex", r => Replace(r, SlackSignature.SignatureHeader, "v0=" + r.Headers.GetValues(SlackSignature.SignatureHeader).Single()[3..].ToUpperInvariant()) },
        { "short hex", r => Replace(r, SlackSignature.SignatureHeader, r.Headers.GetValues(SlackSignature.SignatureHeader).Single()[..^2]) },
        { "body changed after signing", r => r.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hI")).ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } },
        { "timestamp changed after signing", r => Replace(r, SlackSignature.TimestampHeader, (long.Parse(r.Headers.GetValues(SlackSignature.TimestampHeader).Single()) - 1).ToString()) },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task RefusesTamperedOrIncompleteSignaturesWith401(string what, Action<HttpRequestMessage> tamper)
    {
        var response = await Client.SendAsync("/slack/events", DirectMessageBody(), SlackTestClient.Json, tamper: tamper);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, what);
        Assert.Equal(0, await CountAsync("select count(*) from slack_inbound"));
    }

    // Well past the 300 s window: at 301 a loaded machine's second between signing and checking made +301 pass as +300.
    // The exact boundary is covered by the signature's unit tests with a fixed clock.
    [Theory]
    [InlineData(-330)]
    [InlineData(330)]
    public async Task RefusesARequestSignedMoreThanFiveMinutesAwayWith401(int offsetSeconds)
    {
        var response = await Client.SendAsync("/slack/events", DirectMessageBody(), SlackTestClient.Json, signedAt: DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsARequestSignedFourMinutesAgo()
    {
        var response = await Client.SendAsync("/slack/events", DirectMessageBody(), SlackTestClient.Json, signedAt: DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusesARequestSignedWithAnotherSecret()
    {
        using var stranger = new SlackTestClient(App.CreateClient(), new SlackRequestSigner("not-the-secret"));

        var response = await stranger.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hi")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/slack/events", "application/x-www-form-urlencoded")]
    [InlineData("/slack/events", "text/plain")]
    [InlineData("/slack/commands", "application/json")]
    [InlineData("/slack/interactions", "application/json")]
    public async Task RefusesTheWrongContentTypeWith415(string path, string contentType)
    {
        var response = await Client.SendAsync(path, DirectMessageBody(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task RefusesABodyOverOneMebibyteWith413()
    {
        var body = new byte[1024 * 1024 + 1];
        Array.Fill(body, (byte)' ');

        var response = await Client.SendAsync("/slack/events", body, SlackTestClient.Json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task RefusesAnOversizedChunkedBodyWithoutALengthWith413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StreamContent(new MemoryStream(new byte[3 * 1024 * 1024])) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/slack/events", "{not json", SlackTestClient.Json)]
    [InlineData("/slack/events", "[1,2,3]", SlackTestClient.Json)]
    [InlineData("/slack/events", """{"type":5}""", SlackTestClient.Json)]
    [InlineData("/slack/events", """{"type":"event_callback","team_id":"T1"}""", SlackTestClient.Json)]
    [InlineData("/slack/events", """{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":"text"}""", SlackTestClient.Json)]
    [InlineData("/slack/events", """{"type":"url_verification"}""", SlackTestClient.Json)]
    [InlineData("/slack/events", """{"type":"event_callback","type":"url_verification"}""", SlackTestClient.Json)]
    [InlineData("/slack/commands", "command=%2Fcoach&text=hi", SlackTestClient.Form)]
    [InlineData("/slack/interactions", "nothing=here", SlackTestClient.Form)]
    [InlineData("/slack/interactions", "payload=%7Bbroken", SlackTestClient.Form)]
    [InlineData("/slack/interactions", "payload=%7B%22type%22%3A%22block_actions%22%7D", SlackTestClient.Form)]
    public async Task RefusesMalformedSignedBodiesWith400(string path, string body, string contentType)
    {
        var response = await Client.SendAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync("select count(*) from slack_inbound"));
    }

    [Theory]
    [InlineData("""{"type":"something_new","x":1}""")]
    [InlineData("""{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}""")]
    public async Task AnswersUnknownOuterTypesWith200AndIgnoresThem(string body)
    {
        var response = await Client.SendAsync("/slack/events", Encoding.UTF8.GetBytes(body), SlackTestClient.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
    }
}
