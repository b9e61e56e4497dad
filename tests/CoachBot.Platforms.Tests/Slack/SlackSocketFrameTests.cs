using System.Text;
using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackSocketFrameTests
{
    private const string Command = """
        {"envelope_id":"57d6a792-4d35-4d0b-b6aa-3361493e1caf","type":"slash_commands","accepts_response_payload":true,
         "payload":{"command":"/coach","text":"help"},"retry_attempt":0,"retry_reason":""}
        """;

    [Fact]
    public void AnEnvelopeThatAcceptsAPayloadIsAckedWithIt()
    {
        var frame = SlackSocketFrame.Parse(Encoding.UTF8.GetBytes(Command));

        var ack = frame.Ack(new() { ["text"] = "Here is what I understand" });

        Assert.Equal("""{"envelope_id":"57d6a792-4d35-4d0b-b6aa-3361493e1caf","payload":{"text":"Here is what I understand"}}""", ack.ToJsonString());
    }

    [Fact]
    public void AnEventIsAckedWithItsIdOnlyEvenWhenThereIsAnAnswer()
    {
        var frame = SlackSocketFrame.Parse(Encoding.UTF8.GetBytes(Command.Replace("\"accepts_response_payload\":true", "\"accepts_response_payload\":false", StringComparison.Ordinal)));

        Assert.Equal("""{"envelope_id":"57d6a792-4d35-4d0b-b6aa-3361493e1caf"}""", frame.Ack(new() { ["text"] = "ignored" }).ToJsonString());
    }

    [Fact]
    public void ReadsDisconnectReasonsAndRetries()
    {
        var disconnect = SlackSocketFrame.Parse("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}}"""u8);
        var retried = SlackSocketFrame.Parse("""{"envelope_id":"e","type":"events_api","payload":{},"retry_attempt":2,"retry_reason":"timeout"}"""u8);

        Assert.Equal(("disconnect", "refresh_requested"), (disconnect.Type, disconnect.Reason));
        Assert.Equal((2, "timeout"), (retried.RetryAttempt, retried.RetryReason));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"envelope_id":"e"}""")]
    public void AnythingElseIsUnreadable(string text) =>
        Assert.Same(SlackSocketFrame.Unreadable, SlackSocketFrame.Parse(Encoding.UTF8.GetBytes(text)));
}
