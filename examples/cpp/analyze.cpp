// Analyses an article with the C++ API and prints its structure and annotations.
// usage: example_cpp ARTICLE.txt [YYYY-MM-DD]
#include <newsnorm/newsnorm.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " ARTICLE.txt [YYYY-MM-DD]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();

  auto engine = newsnorm::engine::create();  // once; share it between threads
  if (!engine) {
    std::cerr << engine.error().message << "\n";
    return 1;
  }
  newsnorm::options opt;
  if (argc > 2) {
    auto dct = newsnorm::parse_date(argv[2]);
    if (!dct) {
      std::cerr << dct.error().message << "\n";
      return 2;
    }
    opt.dct = *dct;
  }
  auto doc = engine->analyze(text, opt);
  if (!doc) {
    std::cerr << doc.error().message << "\n";
    return 1;
  }
  if (doc->title) std::cout << "title: " << doc->title->text << "\n";
  for (const auto& c : doc->captions) std::cout << "caption: " << c.text << " | credit: " << c.credit << "\n";
  for (const auto& q : doc->quotes)
    std::cout << "quote: " << q.content.text << "\n  speaker: " << (q.speaker ? q.speaker->text : "-") << " (" << q.role
              << ", " << q.verb << ")\n";
  for (const auto& t : doc->timexes) std::cout << "timex: " << t.text << " -> " << t.value << "\n";
  for (const auto& n : doc->numbers) std::cout << "number: " << n.text << " -> " << n.value << "\n";
  for (const auto& e : doc->entities) std::cout << "entity: " << e.text << " -> " << e.canonical << " " << e.type << "\n";
  return 0;
}
