using System.Net;
using CoachBot.Platforms.Teams;

namespace CoachBot.Platforms.Tests.Teams;

public sealed class ConnectorErrorTests
{
    [Fact]
    public void ReadsTheSubCodeNestedInTheMessageString()
    {
        var body = """{"error":{"code":"BadSyntax","message":"{\"errorCode\":209,\"message\":\"{\\\"subCode\\\":\\\"x\\\"}\",\"subCode\":\"MessageWritesBlocked\"}"}}""";

        Assert.Equal("MessageWritesBlocked", ConnectorError.Parse(HttpStatusCode.Forbidden, body).Code);
    }

    [Fact]
    public void UsesTheErrorCodeWhenThereIsNoSubCode()
    {
        Assert.Equal("ConversationNotFound", ConnectorError.Parse(HttpStatusCode.NotFound, """{"error":{"code":"ConversationNotFound","message":"gone"}}""").Code);
    }

    [Fact]
    public void FallsBackToTheStatusForABodyThatIsNotJson()
    {
        Assert.Equal("502 BadGateway", ConnectorError.Parse(HttpStatusCode.BadGateway, "<html>proxy</html>").ToString());
    }
}
