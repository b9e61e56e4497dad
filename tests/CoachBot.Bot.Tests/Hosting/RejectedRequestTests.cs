using System.Net.Sockets;
using System.Text;
using CoachBot.Testing;
using CoachBot.Testing.Demo;
using CoachBot.Testing.Slack;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Tests.Hosting;

// Broken chunked framing on real Kestrel: anyone can send it without credentials, so it gets a 400 and one quiet log line.
public sealed class RejectedRequestTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData("/slack/events", "application/json")]
    [InlineData("/slack/commands", "application/x-www-form-urlencoded")]
    [InlineData("/api/messages", "application/json")]
    public async Task AMalformedChunkedBodyGets400AndOneInformationLineWithoutAStack(string path, string contentType)
    {
        var logs = new CapturingLoggerProvider();
        await using var slack = await FakeSlackServer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new CoachBotApplication(database).WithSlack(slack, new CoachBot.Testing.Slack.RecordingInbox())
            .WithTeamsLocalMode(connector).WithSetting("Teams:LocalNoAuth", "true")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var baseUrl = app.StartOnLoopback();
        var before = logs.Lines.Count;

        var status = await SendRawAsync(baseUrl, $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", status);
        var lines = logs.Lines.Skip(before).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("Error") || l.StartsWith("Critical") || l.StartsWith("Warning"));
        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal));
        var rejected = Assert.Single(lines, l => l.StartsWith("Information 1101 "));
        Assert.Contains($"Rejected POST {path} with 400", rejected);
    }

    private static async Task<string> SendRawAsync(Uri baseUrl, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }
}
