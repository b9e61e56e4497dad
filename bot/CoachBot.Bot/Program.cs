using CoachBot.Bot.Health;
using CoachBot.Bot.Hosting;
using CoachBot.Bot.Slack;
using CoachBot.Jobs.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Storage first: migrations must run before anything reads or schedules.
builder.AddCoachBotStorage();
builder.AddCoachBotJobs();
builder.AddCoachBotHealth();
builder.AddSlack();

var app = builder.Build();

app.MapCoachBotHealth();
app.MapSlack();

return await app.RunCoachBotAsync(args);

// Exposed so WebApplicationFactory<Program> can host the real pipeline in tests.
public partial class Program;
