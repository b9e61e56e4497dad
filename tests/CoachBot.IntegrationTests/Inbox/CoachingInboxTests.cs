using CoachBot.Coaching;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Inbox;

// The composed inbox as the host wires it: roles come from CoachBot's own roster (here the configured first admin).
public sealed class CoachingInboxTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AManagerOpeningTheBotGetsTheirCommandsNotTheRepOnboarding()
    {
        await using var app = new CoachBotApplication(database).WithSetting("Coaching:Admins:0", "U0BOSS");
        var inbox = app.Services.GetRequiredService<ICoachingInbox>();
        var boss = new Sender(new PersonKey(ChatPlatform.Teams, "tenant-1", "U0BOSS"), "Bo Boss");

        var reply = await inbox.OnConversationStartedAsync(boss, new ChatAddress(ChatPlatform.Teams, "tenant-1", "a:dm-boss"), CancellationToken.None);

        Assert.Equal(CoachingInbox.ManagerWelcome, reply.Messages.Single().Text);
        Assert.Equal("admin", await database.DataSource.ScalarAsync<string>("select role from person where platform_user_id = 'U0BOSS'"));
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>(
            "select count(*)::int from rep_profile r join person p on p.id = r.person_id where p.platform_user_id = 'U0BOSS'"));
    }

    [Fact]
    public async Task ARepOpeningTheBotStartsOnboarding()
    {
        await using var app = new CoachBotApplication(database);
        var inbox = app.Services.GetRequiredService<ICoachingInbox>();
        var rep = new Sender(new PersonKey(ChatPlatform.Teams, "tenant-1", "U0REP"), "Ria Rep");

        var reply = await inbox.OnConversationStartedAsync(rep, new ChatAddress(ChatPlatform.Teams, "tenant-1", "a:dm-rep"), CancellationToken.None);

        Assert.NotEqual(CoachingInbox.ManagerWelcome, reply.Messages.First().Text);
        Assert.Equal(1, await database.DataSource.ScalarAsync<int>(
            "select count(*)::int from rep_profile r join person p on p.id = r.person_id where p.platform_user_id = 'U0REP'"));
    }
}
