using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Book> Books => Set<Book>();

    /// <summary>The model with its index methods and operator classes, built without a database, for the schema.</summary>
    public static IModel DesignModel()
    {
        using var db = new LibraryDbContext(new DbContextOptionsBuilder<LibraryDbContext>().UseNpgsql().Options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasPostgresExtension("pg_trgm");
        // Titles take `matches`; authors' names, without such an index, do not.
        model.Entity<Book>().HasIndex(x => x.Title).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    /// <summary>
    /// Four authors (one without books) and eight books (one without author), chosen so that every filter, order and
    /// page of the tests has a known answer: the titles hold a literal <c>%</c> and <c>_</c>, kinds and pages differ, and
    /// formats and tags are lists with empty ones among them.
    /// </summary>
    public async Task SeedAsync()
    {
        Author luXun = new() { Name = "Lu Xun" }, liBai = new() { Name = "Li Bai" }, baJin = new() { Name = "Ba Jin" };
        Authors.AddRange(luXun, liBai, baJin, new Author { Name = "Nobody" });
        Books.AddRange(
            Book("Call to Arms", 220, new DateOnly(1923, 8, 1), BookKind.Novel, luXun, [BookFormat.Hardcover, BookFormat.Ebook],
                ["classic", "short stories"]),
            Book("Wild Grass", 80, new DateOnly(1927, 7, 1), BookKind.Poetry, luXun, [BookFormat.Paperback], ["prose poems"]),
            Book("Diary of a Madman", 30, new DateOnly(1918, 5, 15), BookKind.Novel, luXun, [BookFormat.Ebook, BookFormat.Audiobook],
                ["Classic", "100%"]),
            Book("Quiet Night Thought", 1, new DateOnly(726, 1, 1), BookKind.Poetry, liBai, [], []),
            Book("Drinking Alone by Moonlight", 2, new DateOnly(744, 1, 1), BookKind.Poetry, liBai, [BookFormat.Paperback],
                ["tang_poetry"]),
            Book("Family", 400, new DateOnly(1933, 5, 1), BookKind.Novel, baJin,
                [BookFormat.Hardcover, BookFormat.Paperback, BookFormat.Ebook], ["classic"]),
            Book("100%_pure notes", 50, new DateOnly(1980, 1, 1), BookKind.Essay, baJin, [BookFormat.Ebook], ["100x"]),
            Book("Anonymous Tales", 120, new DateOnly(1900, 1, 1), BookKind.Novel, null, [], ["tang poetry"]));
        await SaveChangesAsync();
    }

    private static Book Book(string title, int pages, DateOnly publishedOn, BookKind kind, Author? author, List<BookFormat> formats,
        List<string> tags) =>
        new() { Title = title, Pages = pages, PublishedOn = publishedOn, Kind = kind, Author = author, Formats = formats, Tags = tags };
}
