// Links newsnorm::newsnorm, analyses the sample article, checks the title came out once.
#include <newsnorm/newsnorm.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto engine = newsnorm::engine::create();
  if (!engine) { std::cerr << engine.error().message << "\n"; return 1; }
  auto doc = engine->analyze(ss.str());
  if (!doc) { std::cerr << doc.error().message << "\n"; return 1; }
  if (!doc->title || doc->title->repeats.size() != 1) { std::cerr << "title not found once\n"; return 1; }
  std::cout << "title: " << doc->title->text << "\n";
  return 0;
}
