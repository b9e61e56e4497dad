using CoachBot.Bot.Demo;
using CoachBot.Bot.Health;
using CoachBot.Bot.Hosting;
using CoachBot.Bot.Slack;
using CoachBot.Bot.Teams;
using CoachBot.Bot.Telemetry;
using CoachBot.Bot.WebConsole;
using CoachBot.Bot.Jobs;
using CoachBot.Platforms.Crm.HubSpot;
using CoachBot.Platforms.Crm.Salesforce;
using CoachBot.Jobs.Crm;
using CoachBot.Jobs.Escalations;
using CoachBot.Jobs.Goals;
using CoachBot.Jobs.Hosting;
using CoachBot.Jobs.Nudges;
using CoachBot.Jobs.Teams;

var builder = WebApplication.CreateBuilder(args);

// Storage first: migrations must run before anything reads or schedules.
builder.AddCoachBotStorage();
builder.AddDemo();
builder.AddCoachBotJobs();
builder.AddCoaching();
builder.AddEscalationJobs();
builder.AddGoalJobs();
builder.AddTeamsInstallJobs();

// CRM context (issue 16): the sync jobs, and each CRM's connector, off unless its credentials are configured.
builder.AddCrmJobs();
builder.Services.AddHubSpotCrm();
builder.Services.AddSalesforceCrm();

builder.AddCoachBotNudges();
builder.AddCoachBotHealth();
builder.AddTelemetry();
builder.AddWebConsole();

// Chat platforms: each is off unless its credentials are configured.
builder.AddSlack();
builder.AddTeams();

var app = builder.Build();

// Endpoints are mapped by the runner once settings are checked, so a bad value ends in one line naming its key.
return await app.RunCoachBotAsync(args, static app =>
{
    // Before any endpoint: broken HTTP framing gets its 4xx and one log line; rate limits (/slack/install) apply.
    app.UseRejectedRequests();
    app.UseRateLimiter();

    app.MapCoachBotHealth();
    app.MapTeams();
    app.MapSlack();
    app.MapDemo();
    app.MapCoachBotDashboard();
    app.MapCoachBotMetrics();
    app.MapWebConsole();
});

// Exposed so WebApplicationFactory<Program> can host the real pipeline in tests.
public partial class Program;
