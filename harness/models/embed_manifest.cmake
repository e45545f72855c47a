# cmake -DINPUT=models/manifest.json -DOUTPUT=file.cc -P embed_manifest.cmake
file(READ ${INPUT} json)
file(WRITE ${OUTPUT} "// Generated from models/manifest.json by harness/models/embed_manifest.cmake; do not edit.\n"
                     "namespace tgvc {\nconst char* builtin_model_manifest_text();\n"
                     "const char* builtin_model_manifest_text() {\n  return R\"tgvc_manifest(${json})tgvc_manifest\";\n}\n"
                     "}  // namespace tgvc\n")
