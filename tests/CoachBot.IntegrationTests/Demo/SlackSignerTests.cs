using System.Text;
using CoachBot.LocalWorkspace.Outbound;

namespace CoachBot.IntegrationTests.Demo;

public sealed class SlackSignerTests
{
    [Fact]
    public void SignsSlacksPublishedExampleExactly()
    {
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        var signature = SlackSigner.Sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, Encoding.UTF8.GetBytes(body));

        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature);
    }

    [Theory]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D", "v0=9dffc25b49a4a7fc2e15c9c9450bf8af09eb501fcef9039eaea3deb58af0c82c")]
    [InlineData("", "v0=55f41ec73231010289b54e669149ea021fccab11b5524355523533ce930cb739")]
    public void SignsTheReferenceVectorsForFormsAndEmptyBodies(string body, string expected) =>
        Assert.Equal(expected, SlackSigner.Sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, Encoding.UTF8.GetBytes(body)));
}
